#!/usr/bin/env bash
# Measures how fast the public pages are served, against a yardstick: a bare ASP.NET Core endpoint that returns the
# same bytes as /statement from memory. Publishes Release builds, runs each on 127.0.0.1 with a fresh database,
# warms up, runs wrk, prints requests/s, p50/p99 latency and the server's peak RSS, then stops the servers.
# --provider postgres runs the site on a PostgreSQL server started for the run (scripts/servers.sh); --redis puts its
# output cache in a Redis server started likewise, as several instances would share it.
#
#   scripts/bench.sh [--provider sqlite|postgres] [--redis] [--duration 10s] [--connections 64] [--threads 2]
set -euo pipefail
cd "$(dirname "$0")/.."

duration=10s connections=64 threads=2 provider=sqlite redis=no
while [ $# -gt 0 ]; do
  case "$1" in
    --provider) provider=$2; shift 2 ;;
    --redis) redis=yes; shift ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

if ! command -v wrk >/dev/null; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq wrk >/dev/null
  else echo "wrk is missing: install Debian's wrk package (apt-get install wrk)" >&2; exit 1; fi
fi

work=$(mktemp -d)
site_pid="" bare_pid=""
case "$provider" in sqlite|postgres) ;; *) echo "--provider is sqlite or postgres, not $provider" >&2; exit 2 ;; esac
source scripts/servers.sh
cleanup() {
  for pid in $site_pid $bare_pid; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  servers_stop
  rm -rf "$work"
}
trap cleanup EXIT

# Where the site keeps its data, and its cache: a SQLite file and memory, or the servers started here.
site_env=(ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning "ConnectionStrings__Default=Data Source=$work/data/khilafat.db")
if [ "$provider" = postgres ] || [ "$redis" = yes ]; then
  servers_install
  servers_start
  [ "$provider" = postgres ] && site_env+=(Database__Provider=Postgres "ConnectionStrings__Default=$KHILAFAT_TEST_POSTGRES;Database=khilafat_bench")
  [ "$redis" = yes ] && site_env+=("Redis__Configuration=$KHILAFAT_TEST_REDIS")
fi

echo "Publishing Release builds..."
dotnet publish src/Khilafat.Web/Khilafat.Web.csproj -c Release -o "$work/site" --nologo -v quiet >/dev/null
dotnet publish tools/BareStatement/BareStatement.csproj -c Release -o "$work/bare" --nologo -v quiet >/dev/null

site_port=5301 bare_port=5302
wait_for() { # url
  for _ in $(seq 1 100); do curl -fsS -o /dev/null "$1" 2>/dev/null && return 0; sleep 0.2; done
  echo "server at $1 did not start" >&2; exit 1
}
peak_rss_mb() { awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$1/status"; }

# wrk's latency figures, as "requests/s p50 p99"
run_wrk() { # url
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$1" > "$work/wrk.txt"
  if grep -q "Non-2xx" "$work/wrk.txt"; then echo "non-2xx answers from $1:" >&2; cat "$work/wrk.txt" >&2; exit 1; fi
  awk '/Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } END { printf "%s %s %s", rps, p50, p99 }' "$work/wrk.txt"
}

mkdir -p "$work/data"
echo "Starting the site on 127.0.0.1:$site_port with a fresh database ($provider, output cache in $([ "$redis" = yes ] && echo Redis || echo memory))..."
(cd "$work/site" && exec env "${site_env[@]}" "Site__PublicUrl=http://127.0.0.1:$site_port" dotnet Khilafat.Web.dll --urls "http://127.0.0.1:$site_port") > "$work/site.log" 2>&1 &
site_pid=$!
wait_for "http://127.0.0.1:$site_port/healthz"

curl -fsS "http://127.0.0.1:$site_port/statement" -o "$work/statement.html"
(exec dotnet "$work/bare/BareStatement.dll" --body "$work/statement.html" --urls "http://127.0.0.1:$bare_port") > "$work/bare.log" 2>&1 &
bare_pid=$!
wait_for "http://127.0.0.1:$bare_port/statement"
cmp -s "$work/statement.html" <(curl -fsS "http://127.0.0.1:$bare_port/statement") || { echo "the bare endpoint does not serve the same bytes" >&2; exit 1; }

echo "Warming up..."
for url in "http://127.0.0.1:$site_port/" "http://127.0.0.1:$site_port/statement" "http://127.0.0.1:$site_port/faq" "http://127.0.0.1:$bare_port/statement"; do
  wrk -t1 -c8 -d3s "$url" >/dev/null
done

printf "\nwrk -t%s -c%s -d%s --latency, %s cores; database %s, output cache in %s\n" "$threads" "$connections" "$duration" "$(nproc)" \
  "$provider" "$([ "$redis" = yes ] && echo Redis || echo memory)"
printf "%-22s %12s %10s %10s\n" "endpoint" "requests/s" "p50" "p99"
declare -A rps
for path in / /statement /faq; do
  read -r r p50 p99 <<< "$(run_wrk "http://127.0.0.1:$site_port$path")"
  rps[$path]=$r
  printf "%-22s %12s %10s %10s\n" "site $path" "$r" "$p50" "$p99"
done
read -r bare_rps bare_p50 bare_p99 <<< "$(run_wrk "http://127.0.0.1:$bare_port/statement")"
printf "%-22s %12s %10s %10s\n" "bare /statement" "$bare_rps" "$bare_p50" "$bare_p99"

# The machine is shared and noisy: compare the two in alternating rounds and take the median of the round ratios.
ratios=()
for round in 1 2 3 4 5; do
  read -r site_r _ _ <<< "$(duration=5s run_wrk "http://127.0.0.1:$site_port/statement")"
  read -r bare_r _ _ <<< "$(duration=5s run_wrk "http://127.0.0.1:$bare_port/statement")"
  ratios+=("$(awk -v a="$site_r" -v b="$bare_r" 'BEGIN { printf "%.0f", 100 * a / b }')")
done
median=$(printf "%s\n" "${ratios[@]}" | sort -n | sed -n 3p)
printf "\n/statement vs bare endpoint: %s%% of its requests/s (median of 5 alternating 5 s rounds: %s)\n" "$median" "${ratios[*]}"
printf "site peak RSS: %s MB (bare endpoint: %s MB)\n" "$(peak_rss_mb "$site_pid")" "$(peak_rss_mb "$bare_pid")"
printf "/statement: %s bytes\n" "$(wc -c < "$work/statement.html")"
