# A memory limit for the site under measurement, as a container's (`docker run --memory`, compose's mem_limit) would
# set it: a memory cgroup of its own (v1 or v2; needs root). Source this file, then:
#
#   memory_limit_create MB     # a new cgroup limited to MB; empties the page cache (see below); sets memory_cgroup
#   memory_limit_enter         # in the subshell that then execs the site: moves that process into the cgroup
#   memory_limit_report        # prints the limit, the peak charged, how often the limit was reached, OOM kills;
#                              # returns 1 when something in the cgroup was killed for memory
#   memory_limit_remove        # deletes the cgroup, killing what is left in it after 5 s (callers: in their EXIT trap)
#
# A file's pages are charged to the cgroup of the process that first reads them. Without emptying the page cache the
# framework's libraries, read before by other runs and the load generator, would be resident in the site but charged
# elsewhere, and the limit would hold less than the site maps; emptied, the site reads every page it maps itself, as
# in a container of its own.

memory_cgroup=""
memory_cgroup_version=""

memory_limit_create() {
  local mb=$1
  [[ "$mb" =~ ^[0-9]+$ ]] || { echo "--memory-max takes megabytes, not '$mb'" >&2; exit 2; }
  [ "$(id -u)" = 0 ] || { echo "--memory-max makes a memory cgroup, which needs root" >&2; exit 1; }
  if [ -f /sys/fs/cgroup/cgroup.controllers ]; then
    grep -qw memory /sys/fs/cgroup/cgroup.controllers || { echo "--memory-max: cgroup v2 here has no memory controller" >&2; exit 1; }
    echo +memory > /sys/fs/cgroup/cgroup.subtree_control 2>/dev/null || true
    memory_cgroup=/sys/fs/cgroup/khilafat-measure-$$ memory_cgroup_version=2
    mkdir "$memory_cgroup" && echo $((mb * 1024 * 1024)) > "$memory_cgroup/memory.max" && echo 0 > "$memory_cgroup/memory.swap.max" 2>/dev/null || true
    [ "$(cat "$memory_cgroup/memory.max" 2>/dev/null)" = $((mb * 1024 * 1024)) ] || { echo "--memory-max: could not limit $memory_cgroup" >&2; exit 1; }
  elif [ -d /sys/fs/cgroup/memory ]; then
    memory_cgroup=/sys/fs/cgroup/memory/khilafat-measure-$$ memory_cgroup_version=1
    mkdir "$memory_cgroup" && echo $((mb * 1024 * 1024)) > "$memory_cgroup/memory.limit_in_bytes" \
      || { echo "--memory-max: could not make the memory cgroup $memory_cgroup" >&2; exit 1; }
  else
    echo "--memory-max: no memory cgroup here (neither /sys/fs/cgroup/cgroup.controllers nor /sys/fs/cgroup/memory)" >&2; exit 1
  fi
  # An interrupted run must still reach its EXIT trap (memory_limit_remove): a site left in the cgroup keeps its memory.
  trap 'exit 1' INT TERM
  sync
  echo 3 > /proc/sys/vm/drop_caches || { echo "--memory-max: could not empty the page cache" >&2; exit 1; }
}

memory_limit_enter() {
  [ -z "$memory_cgroup" ] || echo "$BASHPID" > "$memory_cgroup/cgroup.procs"
}

memory_limit_report() {
  [ -n "$memory_cgroup" ] || return 0
  local limit peak reached kills
  if [ "$memory_cgroup_version" = 2 ]; then
    limit=$(cat "$memory_cgroup/memory.max")
    peak=$(cat "$memory_cgroup/memory.peak" 2>/dev/null || echo 0)
    reached=$(awk '$1 == "max" { print $2 }' "$memory_cgroup/memory.events")
    kills=$(awk '$1 == "oom_kill" { print $2 }' "$memory_cgroup/memory.events")
  else
    limit=$(cat "$memory_cgroup/memory.limit_in_bytes")
    peak=$(cat "$memory_cgroup/memory.max_usage_in_bytes")
    reached=$(cat "$memory_cgroup/memory.failcnt")
    kills=$(awk '$1 == "oom_kill" { print $2 }' "$memory_cgroup/memory.oom_control")
  fi
  printf "memory limit %s MB: peak charged %s MB, limit reached %s times (pages reclaimed), killed for memory: %s\n" \
    $((limit / 1048576)) $((peak / 1048576)) "${reached:-0}" "${kills:-0}"
  [ "${kills:-0}" = 0 ]
}

memory_limit_remove() {
  [ -n "$memory_cgroup" ] && [ -d "$memory_cgroup" ] || return 0
  # What is charged to it (the page cache the site read) moves to the parent. A site short of memory can take minutes
  # to stop: after 5 s, whatever of this run is still in it is killed.
  local pid
  for n in $(seq 1 150); do
    rmdir "$memory_cgroup" 2>/dev/null && return 0
    if [ "$n" = 50 ]; then for pid in $(cat "$memory_cgroup/cgroup.procs" 2>/dev/null); do kill -9 "$pid" 2>/dev/null || true; done; fi
    sleep 0.1
  done
  echo "could not remove $memory_cgroup" >&2
}
