#!/bin/sh
# Copies Go programs into the (gitignored) seed corpora of both fuzz targets: the
# conformance corpus, every crate's test programs, the examples and the hand-written
# probes of fuzz/seeds. fuzz/regressions is left out on purpose: those inputs crash
# until their bug is fixed (then move them to fuzz/seeds). Run from anywhere; safe to
# repeat (files are named by their path, so copies overwrite rather than pile up).
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
for target in frontend machine; do
    dir="$root/fuzz/corpus/$target"
    mkdir -p "$dir"
    (cd "$root" && find tests/corpus crates/*/tests examples fuzz/seeds -name '*.go' 2>/dev/null) |
        while read -r f; do
            cp "$root/$f" "$dir/seed_$(echo "$f" | tr '/' '_')"
        done
done
echo "seeded: $(ls "$root/fuzz/corpus/frontend" | wc -l) frontend, $(ls "$root/fuzz/corpus/machine" | wc -l) machine"
