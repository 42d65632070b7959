#!/usr/bin/env bash
# Regenerates what is made from the model and the migrations, after a model change and its migrations (see the README,
# "Migrations"): both providers' compiled models (src/Khilafat.Web/Data/CompiledModels) and the SQLite migrations'
# script a new database is made from (src/Khilafat.Web/Data/Migrations/Sqlite/Schema.sql). Tests fail while either is
# stale. Run from anywhere; about 2 minutes.
#
# --nativeaot adds to each model the code that reads, writes and snapshots every property (the UnsafeAccessors files),
# which EF Core otherwise makes at run time, compiling an expression tree per property and entity type as each is first
# tracked: about 1,100 of them on a first start, whose seed tracks most entity types (see the README, Performance).
#
# EF Core 10's generator names a local after each property and also names its snapshot lambdas' parameter "source",
# so a property called Source (the consent's) is hidden by that parameter and the code does not compile
# (dotnet/efcore#38465). The local is renamed below, where it is declared and in the snapshot lines that use it.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null

generate() { # context folder
  dotnet ef dbcontext optimize --project src/Khilafat.Web --context "$1" --output-dir "Data/CompiledModels/$2" \
    --namespace "Khilafat.Web.Data.CompiledModels.$2" --nativeaot
  # Fixed before the next generation, which builds the project first.
  for file in $(grep -l 'var source = [A-Za-z0-9_]*\.FindProperty("Source")' "src/Khilafat.Web/Data/CompiledModels/$2"/*.cs); do
    perl -i -pe 's/var source = (\w+)\.FindProperty\("Source"\)/var sourceProperty = $1.FindProperty("Source")/;
      if (/new Snapshot</) { s/(GetCurrentValue<[\w.?]+>)\(source\)/$1(sourceProperty)/g; s/\(IProperty\)source\)/(IProperty)sourceProperty)/g; }' "$file"
  done
}
generate SiteDbContext Sqlite
generate PostgresSiteDbContext Postgres
dotnet ef migrations script --project src/Khilafat.Web --context SiteDbContext --output src/Khilafat.Web/Data/Migrations/Sqlite/Schema.sql
dotnet build src/Khilafat.Web --nologo -v quiet
echo "Regenerated src/Khilafat.Web/Data/CompiledModels/Sqlite and Postgres, and src/Khilafat.Web/Data/Migrations/Sqlite/Schema.sql."
