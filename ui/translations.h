// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QLocale>

namespace Countersign {

// The window's translations: Countersign's own (the .qm files the build compiles from
// translations/countersign_<language>.ts into the resources, at :/i18n) and Qt's (qtbase, from
// QLibraryInfo's translations folder, where the distribution installs them). install() replaces the
// translators it installed before, so it may be called again for another locale. A language without
// a translation is no error: the strings stay English.
class Translations
{
public:
    // Call once the application exists, before the window is built. True when Countersign's own
    // translation for `locale` was found and installed.
    static bool install(const QLocale &locale = QLocale());
    // The languages Countersign has a translation for ("de", ...), from the resources.
    static QStringList languages();
};

} // namespace Countersign
