#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Countersign contributors
# SPDX-License-Identifier: MIT
#
# Regenerates the golden files, the one way to do it: after a deliberate change to what the parser
# or the exporter writes, run it, then review the whole diff BY EYE before committing, since the
# tests will pass against whatever it wrote.
#
#   packaging/buildroot.sh build && packaging/buildroot.sh exec tests/update-references.sh
#   git diff tests/data/reference
#
# What it rewrites, with the built binaries of the default preset (build/default):
#   tests/data/reference/NAME.json        `countersign show --json --pretty` of tests/data/input/NAME.md
#                                         and of resources/samples/NAME.md (checked by tst_documentjson
#                                         and tst_cli)
#   tests/data/reference/export/*.md      the finalized record of the sample with every role approved,
#                                         without and with a residual risk review (fixed clock), written
#                                         by their test, tst_finalizedrecord, in its update mode
#   tests/data/reference/help.txt         `countersign --help` (checked by tst_cliparsing)
# Nothing else: the drafting outputs in tests/data/drafting are written by hand.
# Environment: COUNTERSIGN, the countersign binary to use (default build/default/app/countersign).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
bin=${COUNTERSIGN:-$repo/build/default/app/countersign}
finalized=$repo/build/default/tests/core/tst_finalizedrecord
for built in "$bin" "$finalized"; do
    [ -x "$built" ] || { echo "update-references: build first ($built is missing)" >&2; exit 1; }
done
for input in "$repo"/tests/data/input/*.md "$repo"/resources/samples/*.md; do
    name=$(basename "$input" .md)
    "$bin" show --json --pretty "$input" >"$repo/tests/data/reference/$name.json"
done
# The usage, which tst_cliparsing compares byte for byte.
"$bin" --help >"$repo/tests/data/reference/help.txt"
# The exported records, from their test: COUNTERSIGN_UPDATE_REFERENCES makes it write what it built
# to the golden file before comparing.
COUNTERSIGN_UPDATE_REFERENCES=1 "$finalized" allApprovedMatchesTheGoldenFile withReviewMatchesTheGoldenFile >/dev/null
echo "updated $(ls "$repo"/tests/data/reference/*.json | wc -l) references and the export references; now review: git diff tests/data/reference"
