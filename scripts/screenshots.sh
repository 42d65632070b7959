#!/usr/bin/env bash
# Screenshots for the README: the home page and the statement in English, Arabic and Urdu at 1280 and 375 px, as
# docs/screenshots/{home,statement}-{en,ar,ur}-{1280,375}.png. Starts the site (a Release build) on a temporary SQLite
# database on 127.0.0.1, seeded as a new site is, and photographs it in Debian's Chromium (CHROMIUM_PATH, else
# /usr/bin/chromium) with tools/Screenshots. Nothing is requested from another host.
#
#   scripts/screenshots.sh [output folder, default docs/screenshots]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(realpath -m "${1:-docs/screenshots}")

command -v curl >/dev/null || { echo "curl is missing: install Debian's curl package" >&2; exit 1; }
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || { echo "no Chromium at ${CHROMIUM_PATH:-/usr/bin/chromium}: apt-get install chromium, or set CHROMIUM_PATH" >&2; exit 1; }

work=$(mktemp -d)
site_pid=""
cleanup() {
  [ -n "$site_pid" ] && kill "$site_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "Publishing Release builds..."
dotnet publish src/Khilafat.Web/Khilafat.Web.csproj -c Release -o "$work/site" --nologo -v quiet >/dev/null
dotnet publish tools/Screenshots/Screenshots.csproj -c Release -o "$work/shots" --nologo -v quiet >/dev/null

port=${SCREENSHOTS_PORT:-5602}
base="http://127.0.0.1:$port"
mkdir -p "$work/data"
(cd "$work/site" && exec env ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  "ConnectionStrings__Default=Data Source=$work/data/khilafat.db" "Media__Directory=$work/media" "Site__PublicUrl=$base" \
  Security__SecureCookies=false dotnet Khilafat.Web.dll --urls "$base") > "$work/site.log" 2>&1 &
site_pid=$!
for _ in $(seq 1 150); do curl -fsS -o /dev/null "$base/healthz" 2>/dev/null && break; sleep 0.2; done
curl -fsS -o /dev/null "$base/" || { echo "the site did not start:" >&2; cat "$work/site.log" >&2; exit 1; }

dotnet "$work/shots/Screenshots.dll" "$base" "$out"
echo "Screenshots in $out"
