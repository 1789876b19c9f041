#!/usr/bin/env bash
# Regenerates the golden JSON files in tests/data/reference from tests/data/input/*.md and the
# bundled samples, with the built countersign. Review `git diff tests/data/reference` by eye before
# committing. Run it in the build environment:
#   packaging/buildroot.sh build && packaging/buildroot.sh exec tests/update-references.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${COUNTERSIGN:-$repo/build/default/app/countersign}
[ -x "$bin" ] || { echo "update-references: build first ($bin is missing)" >&2; exit 1; }
for input in "$repo"/tests/data/input/*.md "$repo"/resources/samples/*.md; do
    name=$(basename "$input" .md)
    "$bin" show --json --pretty "$input" >"$repo/tests/data/reference/$name.json"
done
echo "updated $(ls "$repo"/tests/data/reference/*.json | wc -l) references; now review: git diff tests/data/reference"
