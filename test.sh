#!/usr/bin/env bash
# Runs every test of the site: restore, build, then the tests twice: the whole solution on SQLite (the unit tests, the
# integration suite and the browser tests), then the integration suite again on a real PostgreSQL server, with the
# multi-instance tests (two site processes on one PostgreSQL and one Redis). Fails when any test fails.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The browser tests (tests/Khilafat.Web.BrowserTests) drive Debian's Chromium, or the browser CHROMIUM_PATH names;
# Playwright's own browser download is never used. Without one they fail, so find or install it first.
chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$chromium" ]; then
    if [ -n "${CHROMIUM_PATH:-}" ]; then
        echo "test.sh: CHROMIUM_PATH=$CHROMIUM_PATH is not an executable. Point it at a Chromium or Chrome executable, or unset it to use Debian's chromium package (/usr/bin/chromium)." >&2
        exit 1
    elif [ "$(id -u)" -eq 0 ]; then
        echo "test.sh: no Chromium at /usr/bin/chromium; installing Debian's chromium package for the browser tests."
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y chromium
    else
        echo "test.sh: the browser tests need Chromium and there is none at /usr/bin/chromium. Install Debian's chromium package (sudo apt-get install -y chromium), or set CHROMIUM_PATH to a Chromium or Chrome executable." >&2
        exit 1
    fi
fi

# The share cards draw Arabic and Urdu in Debian's fonts-sil-scheherazade (without it a site draws those cards with
# its English name alone, and the tests that read them fail), so find or install it too.
if ! fc-list 2>/dev/null | grep -qi scheherazade; then
    if [ "$(id -u)" -eq 0 ]; then
        echo "test.sh: no Arabic-script font; installing Debian's fonts-sil-scheherazade for the share cards' tests."
        apt-get update
        DEBIAN_FRONTEND=noninteractive apt-get install -y fonts-sil-scheherazade fontconfig
    else
        echo "test.sh: the share cards' tests need Debian's fonts-sil-scheherazade (sudo apt-get install -y fonts-sil-scheherazade)." >&2
        exit 1
    fi
fi

# PostgreSQL and Redis (Debian's postgresql and redis-server), started here on loopback ports in a temporary folder.
source scripts/servers.sh
servers_install
trap servers_stop EXIT
servers_start

dotnet restore Khilafat.Web.sln
dotnet build Khilafat.Web.sln --no-restore

# The tests run most of the site's code a few times each, in many short-lived sites and site processes: the runtime's
# profile-guided tier (an instrumented copy of each busy method, compiled once more from what it counted) cost them
# more compiling than it gave back. Without it both passes took about a tenth less time (README, "Run it and test it").
# The site processes the tests start inherit it; the site in production keeps the runtime's default.
export DOTNET_TieredPGO=0

# A hung test fails the run (and says which) instead of stalling CI.
echo "test.sh: the solution on SQLite"
KHILAFAT_TEST_PROVIDER=Sqlite dotnet test Khilafat.Web.sln --no-build --blame-hang-timeout 5m --filter "Database!=Postgres"
echo "test.sh: the integration suite on PostgreSQL, and several instances on PostgreSQL and Redis"
KHILAFAT_TEST_PROVIDER=Postgres dotnet test tests/Khilafat.Web.Tests --no-build --blame-hang-timeout 5m --filter "Database!=Sqlite"
