#!/bin/sh
# SPDX-FileCopyrightText: 2026 Countersign contributors
# SPDX-License-Identifier: MIT
#
# Renders the app icon's PNG sizes from its SVG (the PNGs are committed; run this after changing the
# SVG, in the build environment: packaging/buildroot.sh exec packaging/render-icons.sh).
set -eu
cd "$(dirname "$0")/../resources/icons/hicolor"
id=io.github.countersign.Countersign
for size in 16 32 48 64 128 256; do
    mkdir -p "${size}x${size}/apps"
    rsvg-convert -w "$size" -h "$size" "scalable/apps/$id.svg" -o "${size}x${size}/apps/$id.png"
done
