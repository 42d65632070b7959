# Sourced by the measuring scripts. The runtime settings the Docker image runs the site with (the Dockerfile's
# "ENV DOTNET_..." lines, .NET's, and its "ENV GLIBC_TUNABLES=..." line, the C library's), as `env` arguments in
# runtime_env: each script starts the site with them (bench.sh its bare endpoint too; never the load generators), so
# that the figures are those of the site as deployed.
runtime_env=()
while IFS= read -r setting; do runtime_env+=("$setting"); done \
  < <(sed -n 's/^ENV \(\(DOTNET_[A-Za-z0-9_]*\|GLIBC_TUNABLES\)=[^[:space:]]*\)$/\1/p' "$(dirname "${BASH_SOURCE[0]}")/../Dockerfile")
[ ${#runtime_env[@]} -gt 0 ] || { echo "scripts/runtime-env.sh: no ENV DOTNET_... line in the Dockerfile" >&2; exit 1; }
