#!/usr/bin/env bash
# Prints the gzip size of the wasm, js and css of each app in a built site: the bytes a device
# downloads. The learner app (what tablets open) is the site's root — its first screen — and
# app/, the whole app the first screen loads after it; the trainer workbench is pelatih/ and is
# never downloaded by a learner.
set -euo pipefail
dir=${1:-dist}

report() {
  local app=$1 d=$2 total=0
  printf '%s (%s)\n' "$app" "$d"
  printf '  %-6s %10s %10s  %s\n' kind raw gzip file
  for ext in wasm js css; do
    for f in "$d"/*."$ext"; do
      [ -e "$f" ] || continue
      local raw gz
      raw=$(wc -c <"$f")
      gz=$(gzip -9 -c "$f" | wc -c)
      total=$((total + gz))
      printf '  %-6s %10d %10d  %s\n' "$ext" "$raw" "$gz" "$(basename "$f")"
    done
  done
  printf '  %-6s %10s %10d  (%d KiB)\n' total '' "$total" $((total / 1024))
}

report "learner app, first screen" "$dir"
[ -d "$dir/app" ] && report "learner app, the whole app" "$dir/app"
[ -d "$dir/pelatih" ] && report "trainer workbench" "$dir/pelatih"
exit 0
