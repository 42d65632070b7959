# Sourced by the measuring scripts: the Release builds they run. publish_builds NAME PROJECT sets site_dir (the site)
# and tool_dir (the tool PROJECT builds): published into $work now, or, with KHILAFAT_PUBLISHED=<folder>, the builds
# published there before, in <folder>/site and <folder>/NAME (handy while changing a script, or to run one build
# against another; the figures are then only as fresh as those builds).
publish_builds() {
  local name=$1 project=$2 tool
  tool=$(basename "$project" .csproj)
  if [ -n "${KHILAFAT_PUBLISHED:-}" ]; then
    site_dir=$KHILAFAT_PUBLISHED/site tool_dir=$KHILAFAT_PUBLISHED/$name
    [ -f "$site_dir/Khilafat.Web.dll" ] && [ -f "$tool_dir/$tool.dll" ] \
      || { echo "KHILAFAT_PUBLISHED=$KHILAFAT_PUBLISHED holds no site/Khilafat.Web.dll and $name/$tool.dll" >&2; exit 1; }
    echo "Using the builds published in $KHILAFAT_PUBLISHED"
  else
    site_dir=$work/site tool_dir=$work/$name
    echo "Publishing Release builds..."
    dotnet publish src/Khilafat.Web/Khilafat.Web.csproj -c Release -o "$site_dir" --nologo -v quiet >/dev/null
    dotnet publish "$project" -c Release -o "$tool_dir" --nologo -v quiet >/dev/null
  fi
}
