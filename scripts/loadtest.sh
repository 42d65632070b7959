#!/usr/bin/env bash
# Mixed load against a Release build on 127.0.0.1 with a fresh database: about 90% GETs of public pages and 10%
# mailing-list sign-ups with distinct addresses and valid anti-forgery tokens (tools/LoadTest). Prints requests/s and
# p50/p99 latency per kind and the errors, then checks that every sign-up answered with success is in the database.
# Exits non-zero on any error or lost sign-up. --provider postgres runs the site on a PostgreSQL server started for
# the run (scripts/servers.sh).
# --mode petition runs a signing burst against one open petition instead (tools/LoadTest/PetitionBurst.cs): distinct
# signers POST the signing form, a confirmer presses the button of every confirmation email in the pickup folder, and
# readers GET the petition's page throughout; it prints signatures/s, confirmations, the page's p99 during the burst,
# errors, and acknowledged signatures or confirmations lost, and checks the page's count against the database.
#
#   scripts/loadtest.sh [--provider sqlite|postgres] [--mode mixed|petition] [--seconds 30] [--connections 64]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=30 connections=64 provider=sqlite mode=mixed
while [ $# -gt 0 ]; do
  case "$1" in
    --provider) provider=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

work=$(mktemp -d)
site_pid=""
case "$provider" in sqlite|postgres) ;; *) echo "--provider is sqlite or postgres, not $provider" >&2; exit 2 ;; esac
case "$mode" in mixed|petition) ;; *) echo "--mode is mixed or petition, not $mode" >&2; exit 2 ;; esac
source scripts/servers.sh
cleanup() {
  if [ -n "$site_pid" ]; then kill "$site_pid" 2>/dev/null || true; wait "$site_pid" 2>/dev/null || true; fi
  servers_stop
  rm -rf "$work"
}
trap cleanup EXIT

site_env=("ConnectionStrings__Default=Data Source=$work/data/khilafat.db")
stored=(--db "$work/data/khilafat.db")
if [ "$provider" = postgres ]; then
  servers_install
  SERVERS_DURABLE=yes servers_start
  site_env=(Database__Provider=Postgres "ConnectionStrings__Default=$KHILAFAT_TEST_POSTGRES;Database=khilafat_load")
  stored=(--postgres "$KHILAFAT_TEST_POSTGRES;Database=khilafat_load")
fi

echo "Publishing Release builds..."
dotnet publish src/Khilafat.Web/Khilafat.Web.csproj -c Release -o "$work/site" --nologo -v quiet >/dev/null
dotnet publish tools/LoadTest/LoadTest.csproj -c Release -o "$work/load" --nologo -v quiet >/dev/null

port=5401
mkdir -p "$work/data"
echo "Starting the site on 127.0.0.1:$port with a fresh $provider database..."
# The per-address limit on sign-ups would refuse one machine's load as a flood: lift it for the measurement.
(cd "$work/site" && exec env "${site_env[@]}" ASPNETCORE_ENVIRONMENT=Production "Site__PublicUrl=http://127.0.0.1:$port" \
  Email__PickupDirectory="$work/mail" \
  RateLimits__SignUps=100000000 RateLimits__Petitions=100000000 RateLimits__Links=100000000 \
  Security__SecureCookies=false \
  Logging__LogLevel__Default=Warning \
  dotnet Khilafat.Web.dll --urls "http://127.0.0.1:$port") > "$work/site.log" 2>&1 &
site_pid=$!
for _ in $(seq 1 100); do curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" 2>/dev/null && break; sleep 0.2; done
curl -fsS -o /dev/null "http://127.0.0.1:$port/healthz" || { echo "the site did not start:" >&2; cat "$work/site.log" >&2; exit 1; }

echo "Warming up..."
dotnet "$work/load/LoadTest.dll" --url "http://127.0.0.1:$port" "${stored[@]}" --seconds 5 --connections 16 > /dev/null

echo
status=0
dotnet "$work/load/LoadTest.dll" --url "http://127.0.0.1:$port" "${stored[@]}" --seconds "$seconds" --connections "$connections" \
  --mode "$mode" --mail "$work/mail" || status=$?
printf "site peak RSS: %s MB\n" "$(awk '/VmHWM/ { printf "%.0f", $2 / 1024 }' "/proc/$site_pid/status")"
if grep -q -E "fail:|crit:" "$work/site.log"; then echo "the site logged errors:" >&2; grep -A3 -E "fail:|crit:" "$work/site.log" | head -20 >&2; status=1; fi
exit $status
