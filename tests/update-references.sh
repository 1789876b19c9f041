#!/usr/bin/env bash
# Regenerates the golden JSON files in tests/data/reference from tests/data/input/*.md and the
# bundled samples, with the built countersign, its --help (help.txt), and the golden exported records
# (reference/export).
# Review `git diff tests/data/reference` by eye before committing. Run it in the build environment:
#   packaging/buildroot.sh build && packaging/buildroot.sh exec tests/update-references.sh
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${COUNTERSIGN:-$repo/build/default/app/countersign}
[ -x "$bin" ] || { echo "update-references: build first ($bin is missing)" >&2; exit 1; }
for input in "$repo"/tests/data/input/*.md "$repo"/resources/samples/*.md; do
    name=$(basename "$input" .md)
    "$bin" show --json --pretty "$input" >"$repo/tests/data/reference/$name.json"
done
# The usage, which tst_cliparsing compares byte for byte.
"$bin" --help >"$repo/tests/data/reference/help.txt"
# The exported records of the sample with every role approved, without and with a residual risk
# review (fixed clock), from their test.
COUNTERSIGN_UPDATE_REFERENCES=1 "$repo/build/default/tests/core/tst_finalizedrecord" allApprovedMatchesTheGoldenFile withReviewMatchesTheGoldenFile >/dev/null
echo "updated $(ls "$repo"/tests/data/reference/*.json | wc -l) references and the export references; now review: git diff tests/data/reference"
