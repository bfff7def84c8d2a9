#!/usr/bin/env bash
# Builds the static site into <dir> (what `make dist` publishes; `make bench` builds a copy with
# `--features bench`). Three trunk builds from one crate:
#   <dir>/            the learner app's first screen (index.html, src/bin/first_screen.rs)
#   <dir>/app/        the whole learner app (app.html, src/main.rs), loaded by the first screen
#   <dir>/pelatih/    the trainer workbench (pelatih.html, src/bin/pelatih.rs)
# then each app's service worker, and .gz/.br copies beside every file.
#
#   scripts/build-site.sh <dir> [trunk build options…]
set -euo pipefail
dir=$1
shift
# The first build empties <dir>, so it goes first.
trunk build index.html --release --dist "$dir" "$@"
trunk build app.html --release --dist "$dir/app" "$@"
node scripts/link-app.mjs "$dir"
node scripts/sw-manifest.mjs "$dir" learner
trunk build pelatih.html --release --dist "$dir/pelatih" "$@"
node scripts/sw-manifest.mjs "$dir/pelatih" pelatih
node scripts/precompress.mjs "$dir"
