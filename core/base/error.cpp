// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "base/error.h"

namespace Countersign {

QString Error::toString() const
{
    QString where = file;
    if (line > 0)
        where += u':' + QString::number(line);
    return where.isEmpty() ? message : where + u": " + message;
}

} // namespace Countersign
