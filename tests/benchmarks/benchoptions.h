// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// Shared by the benchmarks: their command line, `[--quick] [WORKDIR]`.
#include <QDir>
#include <QString>

namespace Bench {

struct Options
{
    bool quick = false;
    QString directory; // created by options()
};

inline Options options(int argc, char **argv, const QString &defaultDirectory)
{
    Options out{false, defaultDirectory};
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument == u"--quick")
            out.quick = true;
        else
            out.directory = argument;
    }
    QDir().mkpath(out.directory);
    return out;
}

} // namespace Bench
