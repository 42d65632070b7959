# Real PostgreSQL and Redis servers for the tests and benchmarks, started on free loopback ports in a temporary
# folder and stopped again. Source this file, then:
#
#   servers_install                # Debian's postgresql and redis-server, when missing (as root; else a message and exit 1)
#   servers_start                  # starts both in a new folder under /tmp; sets KHILAFAT_TEST_POSTGRES and KHILAFAT_TEST_REDIS
#   servers_stop                   # stops both and deletes the folder (callers do it in their EXIT trap)
#
# KHILAFAT_TEST_POSTGRES is an Npgsql connection string without a database (each test names its own), for a superuser
# with a password (scram-sha-256 over TCP, as a real server would ask); KHILAFAT_TEST_REDIS is host:port.
# Durability settings are off (fsync, synchronous_commit), as the servers hold only throwaway test data, unless
# SERVERS_DURABLE=yes (the load test: commits as safe as the site's SQLite, whose commits are synchronous=FULL).

servers_pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }

servers_install() {
  local missing=()
  [ -n "$(servers_pg_bin)" ] && [ -x "$(servers_pg_bin)/postgres" ] || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "The PostgreSQL and multi-instance tests need Debian's ${missing[*]}: install them (sudo apt-get install -y ${missing[*]}) and run again." >&2
    exit 1
  fi
  echo "Installing Debian's ${missing[*]} for the PostgreSQL and multi-instance tests."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
}

# A port on 127.0.0.1 that nothing listens on, below the kernel's range of ports for outgoing connections: a port in
# that range can be taken by any connection's own end (the tests' and load generators' many on loopback), which no
# probe sees, and PostgreSQL then failed to start on it ("Address already in use", a fresh clone's run of 6 December).
servers_free_port() {
  local port low=32768
  read -r low _ < /proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
  [ "$low" -gt 21000 ] 2>/dev/null || low=32768
  for _ in $(seq 1 200); do
    port=$(( 20000 + RANDOM % (low - 20000) ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  echo "no free port found" >&2; return 1
}

servers_start() {
  local folder bin pg_port redis_port password as=()
  bin=$(servers_pg_bin)
  # Its own folder, right under /tmp: when run as root, PostgreSQL runs as another account, which must reach it.
  folder=$(mktemp -d /tmp/khilafat-servers.XXXXXX)
  SERVERS_FOLDER=$folder
  mkdir -p "$folder/pg" "$folder/pg-socket" "$folder/redis"
  # PostgreSQL refuses to run as root: run it as Debian's postgres account, which owns its folders.
  if [ "$(id -u)" -eq 0 ]; then
    chown -R postgres: "$folder/pg" "$folder/pg-socket"
    chmod 755 "$folder"
    as=(runuser -u postgres --)
  fi
  password=$(head -c 18 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
  printf '%s\n' "$password" > "$folder/pg-password"
  chmod 644 "$folder/pg-password"
  "${as[@]}" "$bin/initdb" -D "$folder/pg/data" -U postgres --pwfile="$folder/pg-password" \
    --auth-local=trust --auth-host=scram-sha-256 -E UTF8 --locale=C.UTF-8 >"$folder/pg-initdb.log" 2>&1 \
    || { cat "$folder/pg-initdb.log" >&2; echo "initdb failed" >&2; return 1; }
  pg_port=$(servers_free_port)
  local durability="-c fsync=off -c synchronous_commit=off -c full_page_writes=off"
  [ "${SERVERS_DURABLE:-no}" = yes ] && durability=""
  "${as[@]}" "$bin/pg_ctl" -D "$folder/pg/data" -l "$folder/pg/server.log" -w -t 60 start -o \
    "-c listen_addresses=127.0.0.1 -p $pg_port -k $folder/pg-socket -c max_connections=400 $durability" \
    >/dev/null || { cat "$folder/pg/server.log" >&2; echo "PostgreSQL did not start" >&2; return 1; }
  SERVERS_PG_STOP=("${as[@]}" "$bin/pg_ctl" -D "$folder/pg/data" -m immediate -w stop)

  redis_port=$(servers_free_port)
  redis-server --bind 127.0.0.1 --port "$redis_port" --save "" --appendonly no --daemonize yes \
    --dir "$folder/redis" --pidfile "$folder/redis/redis.pid" --logfile "$folder/redis/redis.log" >/dev/null
  for _ in $(seq 1 100); do
    [ -s "$folder/redis/redis.pid" ] && (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null && break
    sleep 0.1
  done
  (exec 3<>"/dev/tcp/127.0.0.1/$redis_port") 2>/dev/null || { cat "$folder/redis/redis.log" >&2; echo "Redis did not start" >&2; return 1; }
  SERVERS_REDIS_PIDFILE="$folder/redis/redis.pid"

  export KHILAFAT_TEST_POSTGRES="Host=127.0.0.1;Port=$pg_port;Username=postgres;Password=$password"
  export KHILAFAT_TEST_REDIS="127.0.0.1:$redis_port"
  echo "PostgreSQL on 127.0.0.1:$pg_port and Redis on 127.0.0.1:$redis_port (in $folder)"
}

servers_stop() {
  if [ -n "${SERVERS_PG_STOP+x}" ]; then "${SERVERS_PG_STOP[@]}" >/dev/null 2>&1 || true; unset SERVERS_PG_STOP; fi
  if [ -n "${SERVERS_REDIS_PIDFILE:-}" ] && [ -s "$SERVERS_REDIS_PIDFILE" ]; then
    kill "$(cat "$SERVERS_REDIS_PIDFILE")" 2>/dev/null || true
    unset SERVERS_REDIS_PIDFILE
  fi
  if [ -n "${SERVERS_FOLDER:-}" ]; then rm -rf "$SERVERS_FOLDER"; unset SERVERS_FOLDER; fi
}
