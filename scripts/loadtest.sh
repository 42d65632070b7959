#!/usr/bin/env bash
# Mixed load against a Release build on 127.0.0.1 with a fresh database: about 90% GETs of public pages and 10%
# mailing-list sign-ups with distinct addresses and valid anti-forgery tokens (tools/LoadTest). Prints requests/s and
# p50/p99 latency per kind and the errors, then checks that every sign-up answered with success is in the database.
# Exits non-zero on any error or lost sign-up. --provider postgres runs the site on a PostgreSQL server started for
# the run (scripts/servers.sh).
# --mode mixed-petition runs the same mixed load with petition signatures as its writes, against one open petition made
# for the run (its page among the pages read), and checks every acknowledged signature is stored: issue 22's "the same
# for petition signatures" as the issue states it.
# --mode petition runs a signing burst against one open petition instead (tools/LoadTest/PetitionBurst.cs): distinct
# signers POST the signing form, a confirmer presses the button of every confirmation email in the pickup folder, and
# readers GET the petition's page throughout; it prints signatures/s, confirmations, the page's p99 during the burst,
# errors, and acknowledged signatures or confirmations lost, and checks the page's count against the database.
# --mode timing asks whether a sign-up's answer time tells who is on the list: after the mixed load's warm-up, sign-ups
# one at a time, alternately of a new address and of one confirmed on the list (each asked once), with the median,
# p10 and p90 of each and the median of the pairs' differences (tools/LoadTest/AnswerTiming.cs; --seconds and
# --connections do not apply).
# --instances 2 runs the mixed load as deployed: Debian's nginx with the project's deploy/nginx.conf (only its upstream
# servers, ports and certificate paths changed, a self-signed certificate made for the run) in front of two site
# processes on one PostgreSQL database and one Redis (whatever --provider says), each with its own pickup folder. It
# also checks the site believes nginx's https (Secure cookies, absolute links on the public URL), and prints the
# sign-ups that went through each instance (nginx's access log), the confirmation emails each wrote, that every
# confirmation link is on the public URL, and each instance's peak RSS. --kill-after S kills instance 2 with SIGKILL S
# seconds into the run: sign-ups nginx had sent to it may fail (counted apart, not acknowledged), nothing else may.
# --memory-max MB runs the site in a memory cgroup limited to MB, as a container's limit would (scripts/memory-limit.sh;
# needs root), and prints the peak charged to it, how often it reached the limit, and whether anything was killed for
# memory (which fails the run).
# KHILAFAT_PUBLISHED=<folder> uses builds published before into <folder>/site and <folder>/load instead of publishing.
#
#   scripts/loadtest.sh [--provider sqlite|postgres] [--mode mixed|mixed-petition|petition|timing] [--seconds 30] [--connections 64] [--warmup 40] [--memory-max 200]
#   scripts/loadtest.sh --instances 2 [--kill-after 10] [--seconds 30] [--connections 64] [--warmup 40]
#
# The figures are a running site's: the measured run follows --warmup seconds of the same load, in which .NET
# recompiles the busy code with its profile (tiered compilation). A process only seconds old is slower: on 3 December
# the recompiling took 38% of the site's CPU 15 s into a burst of sign-ups, and sign-ups per second rose until about
# 35 s (1,350 in the 5 s to 10 s, 3,500 from 35 s on), hence 40 s. The warm-up is the same mode as the measured run
# (a petition burst of its own, with its confirmations, before a petition burst): a warm-up of the mixed load left
# the petition's code to be recompiled during the measured burst. scripts/bench.sh measures the start separately.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30 connections=64 provider=sqlite mode=mixed instances=1 kill_after="" warmup=40 memory_max=""
while [ $# -gt 0 ]; do
  case "$1" in
    --provider) provider=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    --instances) instances=$2; shift 2 ;;
    --kill-after) kill_after=$2; shift 2 ;;
    --memory-max) memory_max=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d)
site_pid=""
case "$provider" in sqlite|postgres) ;; *) echo "--provider is sqlite or postgres, not $provider" >&2; exit 2 ;; esac
case "$mode" in mixed|mixed-petition|petition|timing) ;; *) echo "--mode is mixed, mixed-petition, petition or timing, not $mode" >&2; exit 2 ;; esac
case "$instances" in 1) [ -z "$kill_after" ] || { echo "--kill-after needs --instances 2" >&2; exit 2; } ;;
  2) [ "$mode" = mixed ] || { echo "--instances 2 runs the mixed load only" >&2; exit 2; }
     [ -z "$memory_max" ] || { echo "--memory-max limits one instance: not with --instances 2" >&2; exit 2; } ;;
  *) echo "--instances is 1 or 2, not $instances" >&2; exit 2 ;; esac
source scripts/servers.sh
source scripts/runtime-env.sh
source scripts/memory-limit.sh
source scripts/published-builds.sh
cleanup() {
  # Polled rather than waited for: the instances are disowned (see below).
  for pid in $site_pid; do
    kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  servers_stop
  memory_limit_remove
  rm -rf "$work"
}
trap cleanup EXIT

publish_builds load tools/LoadTest/LoadTest.csproj
load_dir=$tool_dir

if [ "$instances" = 2 ]; then
  # As deployed: nginx with deploy/nginx.conf in front of two instances on one PostgreSQL database and one Redis.
  if [ ! -x /usr/sbin/nginx ]; then
    if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null
    else echo "nginx is missing: install Debian's nginx-light (apt-get install nginx-light)" >&2; exit 1; fi
  fi
  servers_install
  SERVERS_DURABLE=yes servers_start
  database="$KHILAFAT_TEST_POSTGRES;Database=khilafat_load"
  ports=(5401 5402) http_port=5480 https_port=5443
  public_url="https://127.0.0.1:$https_port"
  nginx=$work/nginx
  mkdir -p "$nginx/temp" "$nginx/acme"

  # A certificate for 127.0.0.1 made for this run; the load generator trusts it, and only it, for the run.
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 1 -subj "/CN=127.0.0.1" \
    -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" -keyout "$nginx/privkey.pem" -out "$nginx/fullchain.pem" 2>/dev/null

  # The project's own configuration, with only its upstream servers, ports and paths changed...
  sed -e "s|server app1:8080 |server 127.0.0.1:${ports[0]} |" -e "s|server app2:8080 |server 127.0.0.1:${ports[1]} |" \
    -e "s|listen 80;|listen 127.0.0.1:$http_port;|" -e "s|listen 443 |listen 127.0.0.1:$https_port |" \
    -e "s|/etc/nginx/certs/|$nginx/|g" -e "s|root /var/www/certbot;|root $nginx/acme;|" -e "s|/var/log/nginx/|$nginx/|g" \
    deploy/nginx.conf > "$nginx/khilafat.conf"
  for expected in "server 127.0.0.1:${ports[0]} " "server 127.0.0.1:${ports[1]} " "listen 127.0.0.1:$http_port;" \
    "listen 127.0.0.1:$https_port " "$nginx/fullchain.pem" "$nginx/privkey.pem" "root $nginx/acme;" \
    "access_log $nginx/access.log khilafat;"; do
    grep -qF "$expected" "$nginx/khilafat.conf" || { echo "deploy/nginx.conf changed shape: no '$expected' after adjusting it; update scripts/loadtest.sh" >&2; exit 1; }
  done
  # ...included in a main configuration that keeps everything nginx writes in the work folder. The project's access
  # log (its own format, without addresses or queries) says which instance answered each request.
  cat > "$nginx/nginx.conf" <<CONF
$([ "$(id -u)" = 0 ] && echo "user $(id -un);")
daemon off;
worker_processes auto;
pid $nginx/nginx.pid;
error_log $nginx/error.log warn;
events { worker_connections 4096; }
http {
    # Which instance nginx sent a request to: the load generator tells by it the sign-ups that failed because their
    # instance was killed under them. (deploy/nginx.conf has no add_header of its own, so this one applies.)
    add_header X-Upstream-Addr \$upstream_addr always;
    client_body_temp_path $nginx/temp/body;
    proxy_temp_path $nginx/temp/proxy;
    fastcgi_temp_path $nginx/temp/fastcgi;
    uwsgi_temp_path $nginx/temp/uwsgi;
    scgi_temp_path $nginx/temp/scgi;
    include $nginx/khilafat.conf;
}
CONF
  /usr/sbin/nginx -t -q -p "$nginx" -e "$nginx/error.log" -c "$nginx/nginx.conf" || { echo "nginx refused deploy/nginx.conf:" >&2; cat "$nginx/error.log" >&2; exit 1; }
  (exec /usr/sbin/nginx -p "$nginx" -e "$nginx/error.log" -c "$nginx/nginx.conf") > "$nginx/stdout.log" 2>&1 &
  site_pid="$!"

  echo "Starting two instances on 127.0.0.1:${ports[0]} and :${ports[1]} on one PostgreSQL database and Redis, behind nginx on $public_url..."
  pids=()
  for n in 1 2; do
    # As deploy/compose.yaml sets them (AllowedHosts: the public host, which nginx passes on as Host). The per-address
    # limits would refuse one machine's load as a flood: lift them for the measurement.
    (cd "$site_dir" && exec env "${runtime_env[@]}" ASPNETCORE_ENVIRONMENT=Production Database__Provider=Postgres "ConnectionStrings__Default=$database" \
      "Redis__Configuration=$KHILAFAT_TEST_REDIS" ASPNETCORE_FORWARDEDHEADERS_ENABLED=true "Site__PublicUrl=$public_url" AllowedHosts=127.0.0.1 \
      Email__PickupDirectory="$work/mail$n" \
      RateLimits__SignUps=100000000 RateLimits__Petitions=100000000 RateLimits__Links=100000000 \
      Logging__LogLevel__Default=Warning \
      dotnet Khilafat.Web.dll --urls "http://127.0.0.1:${ports[$((n - 1))]}") > "$work/site$n.log" 2>&1 &
    pids+=("$!")
    site_pid="$site_pid $!"
    disown "$!" # else bash reports the killed instance with its whole command line
  done
  for n in 1 2; do
    for _ in $(seq 1 150); do curl -fsS -o /dev/null "http://127.0.0.1:${ports[$((n - 1))]}/healthz" 2>/dev/null && break; sleep 0.2; done
    curl -fsS -o /dev/null "http://127.0.0.1:${ports[$((n - 1))]}/healthz" || { echo "instance $n did not start:" >&2; cat "$work/site$n.log" >&2; exit 1; }
  done
  curl -fsS -o /dev/null --cacert "$nginx/fullchain.pem" "$public_url/healthz" || { echo "nginx does not answer on $public_url:" >&2; cat "$nginx/error.log" >&2; exit 1; }
  # Behind nginx the site must believe the https scheme nginx forwards: Secure cookies, and absolute links on the public URL.
  curl -fsS --cacert "$nginx/fullchain.pem" -D "$work/join.headers" -o "$work/join.html" "$public_url/join"
  grep -i '^set-cookie: .Khilafat.Antiforgery=' "$work/join.headers" | grep -qi '; secure' \
    || { echo "behind nginx the anti-forgery cookie is not Secure: the site does not believe X-Forwarded-Proto" >&2; exit 1; }
  curl -fsS --cacert "$nginx/fullchain.pem" -o "$work/sitemap.xml" "$public_url/sitemap.xml"
  wrong_links=$(cat "$work/join.html" "$work/sitemap.xml" | grep -oE 'https?://(127\.0\.0\.1|localhost)[^"<> ]*' | grep -vc "^$public_url/" || true)
  [ "$wrong_links" = 0 ] || { echo "behind nginx, absolute links not on $public_url:" >&2; cat "$work/join.html" "$work/sitemap.xml" | grep -oE 'https?://(127\.0\.0\.1|localhost)[^"<> ]*' | grep -v "^$public_url/" | head >&2; exit 1; }
  printf "behind nginx: Secure cookies, and %s absolute links in /join and /sitemap.xml, all on %s\n" \
    "$(cat "$work/join.html" "$work/sitemap.xml" | grep -oE 'https?://(127\.0\.0\.1|localhost)[^"<> ]*' | wc -l)" "$public_url"

  # Peak RSS of each instance, read while it runs (instance 2 may not live to the end).
  for n in 1 2; do
    (while [ -r "/proc/${pids[$((n - 1))]}/status" ]; do
      rss=$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/${pids[$((n - 1))]}/status" 2>/dev/null) || true
      [ -n "$rss" ] && { echo "$rss" > "$work/rss$n"; } 2>/dev/null # the folder goes when the script ends
      sleep 0.2
    done) &
  done

  load=(dotnet "$load_dir/LoadTest.dll" --url "$public_url" --ca "$nginx/fullchain.pem" --postgres "$database")
  echo "Warming up..."
  "${load[@]}" --seconds "$warmup" --connections "$connections" > /dev/null
  : > "$nginx/access.log" # nginx appends to the file it opened: count this run's requests only

  echo
  status=0
  kill=()
  [ -n "$kill_after" ] && kill=(--kill-pid "${pids[1]}" --kill-after "$kill_after" --kill-upstream "127.0.0.1:${ports[1]}")
  "${load[@]}" --seconds "$seconds" --connections "$connections" --mails "$work/mail1,$work/mail2" --public-url "$public_url" \
    "${kill[@]}" || status=$?

  # Which instance took each acknowledged sign-up (302), and the requests nginx passed on to the other instance, from
  # the project's log format: time "method path protocol" status bytes seconds "instances tried" "their answers".
  counts=$(awk -F'"' -v a="127.0.0.1:${ports[0]}" -v b="127.0.0.1:${ports[1]}" '
    { split($2, request, " "); split($3, answer, " "); n = split($4, tried, ", ") }
    request[1] == "POST" && request[2] == "/join" && answer[1] == 302 { if (tried[n] == a) one++; else if (tried[n] == b) two++ }
    n > 1 { if (request[1] == "GET") getsRetried++; else postsPassed++ }
    END { printf "%d %d %d %d", one, two, getsRetried, postsPassed }' "$nginx/access.log")
  read -r through1 through2 gets_retried posts_passed <<< "$counts"
  printf "sign-ups through instance 1: %s, instance 2: %s (nginx's access log)\n" "$through1" "$through2"
  printf "requests nginx passed to the other instance: %s GETs, %s POSTs (refused before they were sent)\n" "$gets_retried" "$posts_passed"
  printf "peak RSS: instance 1 %s MB, instance 2 %s MB\n" "$(cat "$work/rss1" 2>/dev/null)" "$(cat "$work/rss2" 2>/dev/null)"
  [ "$through1" -gt 0 ] && [ "$through2" -gt 0 ] || { echo "the sign-ups did not go through both instances" >&2; status=1; }
  # What nginx keeps of a visitor: a link may carry an address in its query (/join?email=..., which the footer's join
  # box sent until 7 December), and confirmation and unsubscribe links carry tokens there. None of it, nor the visitor's address, may reach the log:
  # with the instances tried taken out, no line may hold a "?", an "@" or 127.0.0.1 (the load's own address).
  curl -fsS -o /dev/null --cacert "$nginx/fullchain.pem" "$public_url/join?email=probe%40example.org"
  curl -sS -o /dev/null --cacert "$nginx/fullchain.pem" "$public_url/unsubscribe?token=probe-token"
  logged=$(grep -c ' "GET /join HTTP/' "$nginx/access.log" || true)
  leaked=$(sed -E 's/"[^"]*" "[^"]*"$//' "$nginx/access.log" | grep -c -E '[?@]|127\.0\.0\.1|probe' || true)
  printf "nginx's access log: %s lines, %s with a query, an address or the visitor's IP (the project's format)\n" \
    "$(wc -l < "$nginx/access.log")" "$leaked"
  [ "$logged" -gt 0 ] && [ "$leaked" = 0 ] || { echo "nginx's access log keeps what identifies visitors (or lost /join):" >&2; grep -E '[?@]|probe' "$nginx/access.log" | head -3 >&2; status=1; }
  for n in 1 2; do
    if grep -q -E "fail:|crit:" "$work/site$n.log"; then echo "instance $n logged errors:" >&2; grep -A3 -E "fail:|crit:" "$work/site$n.log" | head -20 >&2; status=1; fi
  done
  exit $status
fi

site_env=("ConnectionStrings__Default=Data Source=$work/data/khilafat.db")
stored=(--db "$work/data/khilafat.db")
if [ "$provider" = postgres ]; then
  servers_install
  SERVERS_DURABLE=yes servers_start
  site_env=(Database__Provider=Postgres "ConnectionStrings__Default=$KHILAFAT_TEST_POSTGRES;Database=khilafat_load")
  stored=(--postgres "$KHILAFAT_TEST_POSTGRES;Database=khilafat_load")
fi

port=5401
mkdir -p "$work/data"
[ -z "$memory_max" ] || memory_limit_create "$memory_max"
echo "Starting the site on 127.0.0.1:$port with a fresh $provider database${memory_max:+, limited to $memory_max MB of memory}..."
# The per-address limit on sign-ups would refuse one machine's load as a flood: lift it for the measurement.
(memory_limit_enter && cd "$site_dir" && exec env "${runtime_env[@]}" "${site_env[@]}" ASPNETCORE_ENVIRONMENT=Production "Site__PublicUrl=http://127.0.0.1:$port" \
  Email__PickupDirectory="$work/mail" \
  RateLimits__SignUps=100000000 RateLimits__Petitions=100000000 RateLimits__Links=100000000 \
  Security__SecureCookies=false \
  Logging__LogLevel__Default=Warning \
  dotnet Khilafat.Web.dll --urls "http://127.0.0.1:$port") > "$work/site.log" 2>&1 &
site_pid=$!
for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break; sleep 0.2; done
curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "the site did not start:" >&2; cat "$work/site.log" >&2; exit 1; }

echo "Warming up for $warmup s..."
dotnet "$load_dir/LoadTest.dll" --url "http://127.0.0.1:$port" "${stored[@]}" --seconds "$warmup" --connections "$connections" \
  --mode "$([ "$mode" = timing ] && echo mixed || echo "$mode")" --mail "$work/mail" > /dev/null \
  || { echo "the warm-up failed" >&2; memory_limit_report; exit 1; }

echo
status=0
dotnet "$load_dir/LoadTest.dll" --url "http://127.0.0.1:$port" "${stored[@]}" --seconds "$seconds" --connections "$connections" \
  --mode "$mode" --mail "$work/mail" || status=$?
printf "site peak RSS: %s MB\n" "$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$site_pid/status")"
memory_limit_report || status=1
if grep -q -E "fail:|crit:" "$work/site.log"; then echo "the site logged errors:" >&2; grep -A3 -E "fail:|crit:" "$work/site.log" | head -20 >&2; status=1; fi
exit $status
