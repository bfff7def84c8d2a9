#!/usr/bin/env bash
# Prints the gzip size of the wasm, js and css in a built site: the bytes a tablet downloads.
set -euo pipefail
dir=${1:-dist}
total=0
printf '%-6s %10s %10s  %s\n' kind raw gzip file
for ext in wasm js css; do
  for f in "$dir"/*."$ext"; do
    [ -e "$f" ] || continue
    raw=$(wc -c <"$f")
    gz=$(gzip -9 -c "$f" | wc -c)
    total=$((total + gz))
    printf '%-6s %10d %10d  %s\n' "$ext" "$raw" "$gz" "$(basename "$f")"
  done
done
printf '%-6s %10s %10d  (%d KiB)\n' total '' "$total" $((total / 1024))
