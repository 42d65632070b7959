#!/usr/bin/env bash
# Measures how fast the site starts and serves its public pages, against two yardsticks: a bare ASP.NET Core endpoint
# that returns the same bytes as /statement from memory (tools/BareStatement), and nginx serving them from a file
# (plain, and compressing with gzip on the fly). Publishes Release builds and runs each on 127.0.0.1:
#   1. the start: from the process's start to its first 200 answer of /statement, on a fresh database (migrations and
#      seed included) and again on that now existing one, the median of 3 starts each; and the bare endpoint's, timed
#      the same way, for what ASP.NET Core itself takes on this machine;
#   2. the site's RSS at idle after each page of its sitemap once (and the bare endpoint's at idle), then wrk against
#      / and /faq, with its peak RSS;
#   3. /statement from the site, the bare endpoint, nginx and nginx with gzip in alternating rounds (the machine is
#      shared and noisy), without an Accept-Encoding header and with a browser's, printing for each the medians of the
#      rounds' requests/s, p50, p99 and CPU time per request (read from /proc), and the site's requests/s and CPU per
#      request as shares of the bare endpoint's.
# --provider postgres runs the site on a PostgreSQL server started for the run (scripts/servers.sh; a fresh database
# is a new database name); --redis puts its output cache in a Redis server started likewise, as several instances
# would share it. KHILAFAT_PUBLISHED=<folder> uses builds published before into <folder>/site and <folder>/bare
# instead of publishing (handy while changing this script; the figures are only as fresh as those builds).
#
#   scripts/bench.sh [--provider sqlite|postgres] [--redis] [--duration 10s] [--round 3s] [--connections 64] [--threads 2]
set -euo pipefail
cd "$(dirname "$0")/.."

duration=10s round=3s rounds=5 connections=64 threads=2 provider=sqlite redis=no
while [ $# -gt 0 ]; do
  case "$1" in
    --provider) provider=$2; shift 2 ;;
    --redis) redis=yes; shift ;;
    --duration) duration=$2; shift 2 ;;
    --round) round=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
case "$provider" in sqlite|postgres) ;; *) echo "--provider is sqlite or postgres, not $provider" >&2; exit 2 ;; esac

# wrk and nginx from Debian (nginx-light is enough: a file, gzip).
missing=()
command -v wrk >/dev/null || missing+=(wrk)
[ -x /usr/sbin/nginx ] || missing+=(nginx-light)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else echo "${missing[*]} missing: install Debian's packages (apt-get install ${missing[*]})" >&2; exit 1; fi
fi

work=$(mktemp -d)
site_pid="" bare_pid="" nginx_pid=""
source scripts/servers.sh
source scripts/runtime-env.sh
source scripts/published-builds.sh
cleanup() {
  for pid in $site_pid $bare_pid $nginx_pid; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  servers_stop
  rm -rf "$work"
}
trap cleanup EXIT
fail() { echo "$*" >&2; exit 1; }

# Where the site keeps its cache: memory, or the Redis server started here. Its database: see database_env.
site_env=(ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning)
if [ "$provider" = postgres ] || [ "$redis" = yes ]; then
  servers_install
  servers_start
  [ "$provider" = postgres ] && site_env+=(Database__Provider=Postgres)
  [ "$redis" = yes ] && site_env+=("Redis__Configuration=$KHILAFAT_TEST_REDIS")
fi
# The connection string of the database called $1: a SQLite file in a folder of its own, or a PostgreSQL database.
database_env() {
  if [ "$provider" = postgres ]; then echo "ConnectionStrings__Default=$KHILAFAT_TEST_POSTGRES;Database=khilafat_$1"
  else mkdir -p "$work/$1"; echo "ConnectionStrings__Default=Data Source=$work/$1/khilafat.db"; fi
}

publish_builds bare tools/BareStatement/BareStatement.csproj
bare_dir=$tool_dir

site_port=5301 bare_port=5302 nginx_port=5303 nginx_gzip_port=5304
browser="gzip, deflate, br, zstd"
wait_for() { # url
  for _ in $(seq 1 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.2; done
  fail "server at $1 did not start"
}
peak_rss_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
rss_mb() { awk '/VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# Starts the published site on the database called $1 in the background; its process id in site_pid.
start_site() {
  local database
  database=$(database_env "$1")
  (cd "$site_dir" && exec env "${runtime_env[@]}" "${site_env[@]}" "$database" "Site__PublicUrl=http://127.0.0.1:$site_port" \
    dotnet Khilafat.Web.dll --urls "http://127.0.0.1:$site_port") > "$work/site-$1.log" 2>&1 &
  site_pid=$!
}
stop_site() { kill "$site_pid" 2>/dev/null || true; wait "$site_pid" 2>/dev/null || true; site_pid=""; }

# How a start is timed: the milliseconds from starting a process to its first 200 answer of /statement, in start_ms,
# for at most 60 s. The asking forks nothing: bash's own /dev/tcp tries the port every 10 ms (a refused
# connection costs a system call) and, once it is open, sends the request and reads the status line; the pause is a
# timed read on a pipe that never has data, and the clock is $EPOCHREALTIME. A loop of curl, date and sleep processes
# (as here until 5 December) took about 0.75 of the machine's 2 cores while the site started, and made each start
# 0.35-0.6 s slower (README, Performance).
exec {pause_fd}<> <(:)
now_us() { now=${EPOCHREALTIME/[.,]/}; } # in $now: no command substitution, which would fork a subshell
statement_status() { # one GET /statement on port $1: its status code in $status, empty while the port is closed
  local conn
  status=""
  { exec {conn}<>"/dev/tcp/127.0.0.1/$1"; } 2>/dev/null || return 0
  printf 'GET /statement HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$1" >&"$conn"
  read -r -t 5 -u "$conn" _ status _ || true
  exec {conn}>&-
}
# Waits at most 60 s from $started for the first 200 answer of /statement on port $1 from process $2 (its log in
# $3, its name for a failure in $4); the milliseconds from $started to that answer in start_ms.
first_answer() {
  local answered=""
  while now_us; [ $(( now - started )) -lt 60000000 ]; do
    statement_status "$1"
    if [ "$status" = 200 ]; then now_us; answered=$now; break; fi
    kill -0 "$2" 2>/dev/null || { cat "$3" >&2; fail "$4 stopped while starting"; }
    read -r -t 0.01 -u "$pause_fd" _ || true
  done
  [ -n "$answered" ] || { cat "$3" >&2; fail "$4 did not answer /statement within 60 s"; }
  start_ms=$(( (answered - started) / 1000 ))
}
timed_start() { # the site on the database called $1, stopped once it has answered
  local started
  now_us; started=$now
  start_site "$1"
  first_answer "$site_port" "$site_pid" "$work/site-$1.log" "the site"
  stop_site
}

echo "Timing the start ($provider): 3 starts on fresh databases, then 3 on the last of them..."
fresh=() existing=()
for n in 1 2 3; do timed_start "start$n"; fresh+=("$start_ms"); done
for _ in 1 2 3; do timed_start start3; existing+=("$start_ms"); done
start_fresh=$(printf "%s\n" "${fresh[@]}" | median)
start_existing=$(printf "%s\n" "${existing[@]}" | median)

mkdir -p "$work/nginx/www" "$work/nginx/temp"
echo "Starting the site on 127.0.0.1:$site_port with a fresh database ($provider, output cache in $([ "$redis" = yes ] && echo Redis || echo memory))..."
start_site bench
wait_for "http://127.0.0.1:$site_port/healthz"

# Idle: every page of the sitemap asked for once (as a first visitor and the crawlers would), then 5 s of rest.
curl -fsS "http://127.0.0.1:$site_port/sitemap.xml" | grep -o '<loc>[^<]*</loc>' | sed 's|<loc>||; s|</loc>||' > "$work/pages"
[ -s "$work/pages" ] || fail "the sitemap lists no page"
while read -r page; do
  [[ "$page" == "http://127.0.0.1:$site_port/"* ]] || fail "the sitemap's $page is not on this site's address"
  curl -fsS -o /dev/null "$page" || fail "$page did not answer 200"
done < "$work/pages"
sleep 5
idle_rss=$(rss_mb "$site_pid")
idle_pages=$(wc -l < "$work/pages")

# The bytes of /statement as the site serves them, plain and to a browser, for the yardsticks to serve the same.
curl -fsS "http://127.0.0.1:$site_port/statement" -o "$work/nginx/www/statement.html"
site_encoding=$(curl -fsS -H "Accept-Encoding: $browser" -o "$work/statement.encoded" -w '%header{content-encoding}' "http://127.0.0.1:$site_port/statement")
encoded=()
[ -n "$site_encoding" ] && encoded=(--encoded "$work/statement.encoded" --encoding "$site_encoding")
start_bare() {
  (exec env "${runtime_env[@]}" dotnet "$bare_dir/BareStatement.dll" --body "$work/nginx/www/statement.html" "${encoded[@]}" --urls "http://127.0.0.1:$bare_port") > "$work/bare.log" 2>&1 &
  bare_pid=$!
}
timed_bare_start() { # the bare endpoint, left running
  local started
  now_us; started=$now
  start_bare
  first_answer "$bare_port" "$bare_pid" "$work/bare.log" "the bare endpoint"
}
# The bare endpoint's start, timed as the site's, is the yardstick for it: what ASP.NET Core itself takes here. The
# third start stays up for the rounds below.
bare_starts=()
for _ in 1 2 3; do
  [ -z "$bare_pid" ] || { kill "$bare_pid"; wait "$bare_pid" 2>/dev/null || true; }
  timed_bare_start
  bare_starts+=("$start_ms")
done
bare_start_ms=$(printf "%s\n" "${bare_starts[@]}" | median)
cmp -s "$work/nginx/www/statement.html" <(curl -fsS "http://127.0.0.1:$bare_port/statement") || fail "the bare endpoint does not serve the same bytes"

# nginx serving the same file: one server plain, one compressing with gzip as it sends (its defaults: level 1).
# Everything it writes stays in the work folder; it keeps connections open for as many requests as the others do.
cat > "$work/nginx/nginx.conf" <<EOF
$([ "$(id -u)" = 0 ] && echo "user $(id -un);")
daemon off;
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/error.log warn;
events { worker_connections 1024; }
http {
    access_log off;
    server_tokens off;
    client_body_temp_path $work/nginx/temp/body;
    proxy_temp_path $work/nginx/temp/proxy;
    fastcgi_temp_path $work/nginx/temp/fastcgi;
    uwsgi_temp_path $work/nginx/temp/uwsgi;
    scgi_temp_path $work/nginx/temp/scgi;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 10000000;
    server {
        listen 127.0.0.1:$nginx_port;
        location = /statement { default_type text/html; charset utf-8; alias $work/nginx/www/statement.html; }
    }
    server {
        listen 127.0.0.1:$nginx_gzip_port;
        gzip on;
        gzip_vary on;
        location = /statement { default_type text/html; charset utf-8; alias $work/nginx/www/statement.html; }
    }
}
EOF
/usr/sbin/nginx -t -q -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf" || fail "nginx refused its configuration"
(exec /usr/sbin/nginx -p "$work/nginx" -e "$work/nginx/error.log" -c "$work/nginx/nginx.conf") > "$work/nginx/stdout.log" 2>&1 &
nginx_pid=$!
wait_for "http://127.0.0.1:$nginx_port/statement"
wait_for "http://127.0.0.1:$nginx_gzip_port/statement"
for port in $nginx_port $nginx_gzip_port; do
  cmp -s "$work/nginx/www/statement.html" <(curl -fsS --compressed "http://127.0.0.1:$port/statement") || fail "nginx on $port does not serve the same bytes"
done

declare -A url=(
  [site]="http://127.0.0.1:$site_port/statement" [bare]="http://127.0.0.1:$bare_port/statement"
  [nginx]="http://127.0.0.1:$nginx_port/statement" [nginx-gzip]="http://127.0.0.1:$nginx_gzip_port/statement")
targets=(site bare nginx nginx-gzip)

# The processes that answer each target, whose CPU time a round reads (nginx: its master and workers).
declare -A pids=([site]="$site_pid" [bare]="$bare_pid" [nginx]="$nginx_pid $(pgrep -P "$nginx_pid" | tr '\n' ' ')")
pids[nginx-gzip]=${pids[nginx]}
clock_ticks=$(getconf CLK_TCK)
cpu_ticks() { local total=0 pid; for pid in "$@"; do total=$(( total + $(awk '{ print $14 + $15 }' "/proc/$pid/stat") )); done; echo "$total"; }

# wrk's figures as "requests/s p50 p99 cpu", the latencies in ms, cpu the microseconds of CPU (user and system) the
# processes named in $3 spent per request answered (0 when none are named). On a shared machine this is steadier than
# requests/s: another process taking a core slows both, but adds to neither's CPU per request.
# Accept-Encoding is $accept when set.
accept=""
run_wrk() { # url [duration] [pids]
  local headers=() before after
  [ -n "$accept" ] && headers=(-H "Accept-Encoding: $accept")
  before=$(cpu_ticks ${3:-})
  wrk -t"$threads" -c"$connections" -d"${2:-$duration}" --latency "${headers[@]}" "$1" > "$work/wrk.txt"
  after=$(cpu_ticks ${3:-})
  if grep -q "Non-2xx" "$work/wrk.txt"; then echo "non-2xx answers from $1:" >&2; cat "$work/wrk.txt" >&2; exit 1; fi
  awk -v ticks=$(( after - before )) -v hz="$clock_ticks" \
      'function ms(v) { return v ~ /us$/ ? v / 1000 : v ~ /ms$/ ? v + 0 : v * 1000 }
       / requests in / { n = $1 } /Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
       END { printf "%.0f %.2f %.2f %.1f", rps, p50, p99, n ? ticks * 1000000 / hz / n : 0 }' "$work/wrk.txt"
}

bare_idle_rss=$(rss_mb "$bare_pid")
echo "Warming up..."
for address in "http://127.0.0.1:$site_port/" "http://127.0.0.1:$site_port/faq" "${url[@]}"; do
  wrk -t1 -c8 -d2s "$address" >/dev/null
  wrk -t1 -c8 -d1s -H "Accept-Encoding: $browser" "$address" >/dev/null
done

printf "\nstart, fresh database: %s ms (median of 3: %s)\n" "$start_fresh" "${fresh[*]}"
printf "start, existing database: %s ms (median of 3: %s)\n" "$start_existing" "${existing[*]}"
printf "start, bare endpoint: %s ms (median of 3: %s)\n" "$bare_start_ms" "${bare_starts[*]}"

printf "site RSS at idle, after the sitemap's %s pages once each: %s MB (bare endpoint at idle: %s MB)\n" "$idle_pages" "$idle_rss" "$bare_idle_rss"

printf "\nwrk -t%s -c%s -d%s --latency, %s cores; database %s, output cache in %s\n" "$threads" "$connections" "$duration" "$(nproc)" \
  "$provider" "$([ "$redis" = yes ] && echo Redis || echo memory)"
printf "%-28s %12s %10s %10s %10s\n" "endpoint" "requests/s" "p50 ms" "p99 ms" "CPU us/req"
for path in / /faq; do
  read -r r p50 p99 cpu <<< "$(run_wrk "http://127.0.0.1:$site_port$path" "$duration" "$site_pid")"
  printf "%-28s %12s %10s %10s %10s\n" "site $path" "$r" "$p50" "$p99" "$cpu"
done

printf "\n/statement as each answers a browser's Accept-Encoding (%s):\n" "$browser"
for target in "${targets[@]}"; do
  printf "  %-11s %s\n" "$target" "$(curl -fsS -H "Accept-Encoding: $browser" -o /dev/null -w '%{size_download} bytes, Content-Encoding: %header{content-encoding}' "${url[$target]}")"
done
printf "  (plain: %s bytes)\n" "$(wc -c < "$work/nginx/www/statement.html")"

# The machine is shared and noisy: run the four in alternating rounds and take the median of each figure, and of the
# rounds' ratios of the site to the bare endpoint.
# The site's figure number $1 (of run_wrk's) in the last round, as a percentage of the bare endpoint's.
site_share() {
  awk -v a="$(printf "%s" "${figures[site]}" | tail -n 1 | cut -d' ' -f"$1")" \
      -v b="$(printf "%s" "${figures[bare]}" | tail -n 1 | cut -d' ' -f"$1")" 'BEGIN { printf "%.0f", 100 * a / b }'
}
for accept in "" "$browser"; do
  declare -A figures=()
  ratios=() cpu_ratios=()
  for _ in $(seq 1 "$rounds"); do
    for target in "${targets[@]}"; do
      figures[$target]+="$(run_wrk "${url[$target]}" "$round" "${pids[$target]}")"$'\n'
    done
    ratios+=("$(site_share 1)") cpu_ratios+=("$(site_share 4)")
  done
  printf "\n/statement, %s, medians of %s alternating %s rounds of wrk -t%s -c%s:\n" \
    "$([ -n "$accept" ] && echo "Accept-Encoding: $accept" || echo "no Accept-Encoding")" "$rounds" "$round" "$threads" "$connections"
  printf "%-28s %12s %10s %10s %10s\n" "server" "requests/s" "p50 ms" "p99 ms" "CPU us/req"
  for target in "${targets[@]}"; do
    printf "%-28s %12s %10s %10s %10s\n" "$target" \
      "$(printf "%s" "${figures[$target]}" | cut -d' ' -f1 | median)" \
      "$(printf "%s" "${figures[$target]}" | cut -d' ' -f2 | median)" \
      "$(printf "%s" "${figures[$target]}" | cut -d' ' -f3 | median)" \
      "$(printf "%s" "${figures[$target]}" | cut -d' ' -f4 | median)"
  done
  printf "site vs bare endpoint: %s%% of its requests/s (rounds: %s)\n" "$(printf "%s\n" "${ratios[@]}" | median)" "${ratios[*]}"
  printf "site vs bare endpoint: %s%% of its CPU per request (rounds: %s)\n" "$(printf "%s\n" "${cpu_ratios[@]}" | median)" "${cpu_ratios[*]}"
  unset figures
done

printf "\nsite peak RSS: %s MB (bare endpoint: %s MB)\n" "$(peak_rss_mb "$site_pid")" "$(peak_rss_mb "$bare_pid")"
