// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "modulelauncher.h"

#include <QFileInfo>
#include <QLibrary>

#include <cstdio>

namespace Countersign {

namespace {

using Entry = int (*)(int argc, char **argv);

QString modulePath(ModuleLauncher::Module module)
{
    const QString name = module == ModuleLauncher::Module::Window ? QStringLiteral("countersign_gui.so")
                                                                  : QStringLiteral("countersign_commands.so");
    const QString bin = QFileInfo(QStringLiteral("/proc/self/exe")).canonicalPath();
    for (const QString &dir : {bin, QString(bin + u"/../lib/countersign")}) {
        if (QFileInfo::exists(dir + u'/' + name))
            return dir + u'/' + name;
    }
    return bin + u'/' + name;
}

} // namespace

int ModuleLauncher::run(int argc, char **argv, Module module, const char *symbol, const QString &what)
{
    QLibrary library(modulePath(module));
    const auto entry = reinterpret_cast<Entry>(library.resolve(symbol));
    if (!entry) {
        const QString message = QStringLiteral(
            "countersign: cannot load the %1 module, which %2: %3. Reinstall Countersign to get it back.\n")
                                    .arg(module == Module::Window ? QStringLiteral("window")
                                                                  : QStringLiteral("commands"),
                                        what, library.errorString());
        std::fputs(qUtf8Printable(message), stderr);
        return 2;
    }
    return entry(argc, argv);
}

} // namespace Countersign
