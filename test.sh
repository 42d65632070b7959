#!/usr/bin/env bash
# Runs every test of the site: restore, build, then `dotnet test` on the solution. Fails when any test fails.
set -euo pipefail
cd "$(dirname "$0")"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

dotnet restore Khilafat.Web.sln
dotnet build Khilafat.Web.sln --no-restore
# A hung test fails the run (and says which) instead of stalling CI.
dotnet test Khilafat.Web.sln --no-build --blame-hang-timeout 5m
