#!/usr/bin/env bash
# Measures the media library against issue 21's targets, on Release builds on 127.0.0.1:
#   1. processing a 12-megapixel JPEG into every variant on one core (taskset), and the process's memory growth
#      meanwhile (tools/ImageBench, which runs the site's own ImageProcessor on a photo it generates);
#   2. a burst of 10 concurrent uploads through /admin/media (signed in as the bootstrap admin) while wrk measures the
#      p99 of /statement, beside the p99 without uploads;
#   3. a variant's serving rate against /statement's (from the output cache), in alternating rounds.
# Not a test: the figures depend on the machine (a shared one is noisy), and nothing here fails on a missed target.
# --memory-max MB runs the site in a memory cgroup limited to MB, as a container's limit would (scripts/memory-limit.sh;
# needs root), and prints what was charged to it and whether anything was killed for memory (which fails the run).
# KHILAFAT_PUBLISHED=<folder> uses builds published before into <folder>/site and <folder>/imagebench.
#
#   scripts/imagebench.sh [--duration 10s] [--connections 64] [--threads 2] [--memory-max 200]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/runtime-env.sh
source scripts/memory-limit.sh
source scripts/published-builds.sh

duration=10s connections=64 threads=2 memory_max=""
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --memory-max) memory_max=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk curl taskset; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: install Debian's $tool package" >&2; exit 1; }
done

work=$(mktemp -d)
site_pid=""
cleanup() {
  [ -n "$site_pid" ] && kill "$site_pid" 2>/dev/null || true
  memory_limit_remove # before waiting: a site short of memory can take minutes to stop
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

publish_builds imagebench tools/ImageBench/ImageBench.csproj
bench_dir=$tool_dir

dotnet "$bench_dir/ImageBench.dll" generate "$work/photo.jpg" 4000 3000
printf "\n1. Processing a 12-megapixel JPEG into all variants, on one core (target: under 1.5 s, memory growth under 150 MB)\n"
taskset -c 0 dotnet "$bench_dir/ImageBench.dll" process "$work/photo.jpg" 3

site_port=5601 base="http://127.0.0.1:5601"
admin=bench-admin@example.org password='Bench-passphrase-2026!'
mkdir -p "$work/data"
[ -z "$memory_max" ] || memory_limit_create "$memory_max"
(memory_limit_enter && cd "$site_dir" && exec env "${runtime_env[@]}" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  "ConnectionStrings__Default=Data Source=$work/data/khilafat.db" "Media__Directory=$work/media" "Site__PublicUrl=$base" \
  "Admin__Email=$admin" "Admin__Password=$password" Security__SecureCookies=false RateLimits__SignIn=100000 \
  dotnet Khilafat.Web.dll --urls "$base") > "$work/site.log" 2>&1 &
site_pid=$!
for _ in $(seq 1 100); do curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && break; sleep 0.2; done

# Signed in as a browser would be: the form's anti-forgery token, then the cookie.
jar="$work/cookies"
token() { grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -n 1 | sed 's/.*value="//; s/"$//'; }
sign_in_token=$(curl -fsS -c "$jar" -b "$jar" "$base/account/sign-in" | token)
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "Input.Email=$admin" --data-urlencode "Input.Password=$password" \
  --data-urlencode "__RequestVerificationToken=$sign_in_token" "$base/account/sign-in"
upload_token=$(curl -fsS -c "$jar" -b "$jar" "$base/admin/media" | token)
[ -n "$upload_token" ] || { echo "could not open /admin/media signed in: see $work/site.log" >&2; exit 1; }
# An accepted upload answers 302 (to the library); a refused one 200 (the form with its message).
upload() { # n
  curl -sS -o /dev/null -w "%{http_code} %{time_total}\n" -b "$jar" -F "__RequestVerificationToken=$upload_token" \
    -F "Upload=@$work/photo.jpg;type=image/jpeg" -F "AltEn=Benchmark photo $1" "$base/admin/media"
}

run_wrk() { # url → "requests/s p50 p99"
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "$1" > "$work/wrk.txt"
  if grep -q "Non-2xx" "$work/wrk.txt"; then echo "non-2xx answers from $1:" >&2; cat "$work/wrk.txt" >&2; exit 1; fi
  awk '/Requests\/sec/ { rps = $2 } /^ +50%/ { p50 = $2 } /^ +99%/ { p99 = $2 } END { printf "%s %s %s", rps, p50, p99 }' "$work/wrk.txt"
}

echo "Warming up..."
read -r warm_status _ <<< "$(upload 0)"
[ "$warm_status" = 302 ] || { echo "the first upload answered $warm_status, not the redirect to the library: see $work/site.log" >&2; exit 1; }
wrk -t1 -c8 -d3s "$base/statement" >/dev/null

printf "\n2. /statement while 10 uploads of the photo run at once (target: p99 under 20 ms)\n"
read -r _ quiet_p50 quiet_p99 <<< "$(run_wrk "$base/statement")"
printf "%-34s p50 %8s  p99 %8s\n" "without uploads" "$quiet_p50" "$quiet_p99"
run_wrk "$base/statement" > "$work/burst-wrk.txt" &
wrk_pid=$!
sleep 2
uploads=()
for n in $(seq 1 10); do upload "$n" > "$work/upload-$n.txt" & uploads+=($!); done
wait "${uploads[@]}"
wait "$wrk_pid"
read -r _ burst_p50 burst_p99 <<< "$(cat "$work/burst-wrk.txt")"
printf "%-34s p50 %8s  p99 %8s\n" "during the burst of 10 uploads" "$burst_p50" "$burst_p99"
printf "uploads (status, seconds): %s\n" "$(cat "$work"/upload-*.txt | sort | tr '\n' ' ')"
sleep 2
awk '/VmHWM/ { peak = $2 } /VmRSS/ { rss = $2 } /RssAnon/ { anon = $2 }
  END { printf "site RSS after the uploads: %.0f MB, of which anonymous %.0f MB (peak so far %.0f MB)\n", rss / 1024, anon / 1024, peak / 1024 }' \
  "/proc/$site_pid/status" || true

printf "\n3. A variant against /statement (target: at least half its requests/s)\n"
variant=$(curl -fsS -b "$jar" "$base/admin/media" | grep -o '/media/[0-9a-f]\{32\}\.webp' | head -n 1)
curl -fsS -D - -o "$work/variant" "$base$variant" | grep -i -E '^(content-type|cache-control|etag):' | tr -d '\r'
printf "%s: %s bytes\n" "$variant" "$(wc -c < "$work/variant")"
ratios=()
for round in 1 2 3 4 5; do
  read -r statement_r _ _ <<< "$(duration=5s run_wrk "$base/statement")"
  read -r variant_r _ _ <<< "$(duration=5s run_wrk "$base$variant")"
  ratios+=("$(awk -v a="$variant_r" -v b="$statement_r" 'BEGIN { printf "%.0f", 100 * a / b }')")
  printf "round %s: /statement %s requests/s, variant %s requests/s\n" "$round" "$statement_r" "$variant_r"
done
printf "variant vs /statement: %s%% of its requests/s (median of 5 alternating 5 s rounds: %s)\n" \
  "$(printf "%s\n" "${ratios[@]}" | sort -n | sed -n 3p)" "${ratios[*]}"
printf "site peak RSS: %s MB\n" "$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$site_pid/status")"
memory_limit_report
