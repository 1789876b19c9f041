// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QString>

namespace Countersign {

// The versions of the libraries core runs on that Qt does not report itself, for the About dialog
// and bug reports. Nothing fails: a version that cannot be found reads "unknown".
class LibraryVersions
{
public:
    // The SQLite library under Qt's QSQLITE driver, asked through a connection of its own.
    static QString sqlite();
    // cmark-gfm, as core was built against it ("0.29.0.gfm.13").
    static QString cmarkGfm();
};

} // namespace Countersign
