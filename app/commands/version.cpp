// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign version (-v, --version). Further arguments are ignored.
#include "commandio.h"
#include "commands.h"

#include <QCoreApplication>

namespace Countersign::Commands {

int version(const QStringList &)
{
    writeOut(QStringLiteral("countersign %1\n").arg(QCoreApplication::applicationVersion()));
    return Clean;
}

} // namespace Countersign::Commands
