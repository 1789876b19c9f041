// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// A record and a ledger in a temporary folder, signed through the real binary: what the command-line
// tests of sign-off and export start from.
#include "clirunner.h"
#include "testsupport.h"

#include <QTemporaryDir>

namespace TestSupport {

// The roles of tests/data/input/decision-record.md, and one signer for each.
inline const QStringList roles{QStringLiteral("Tessera incident commander role"),
    QStringLiteral("Harbor incident commander role"), QStringLiteral("Tessera rollback owner role"),
    QStringLiteral("Harbor rollback owner role"), QStringLiteral("Joint decision log owner role")};
inline const QStringList signers{QStringLiteral("Ana Ruiz"), QStringLiteral("Ben Okafor"),
    QStringLiteral("Chen Wei"), QStringLiteral("Dana Levi"), QStringLiteral("Eli Novak")};

class Workspace
{
public:
    // `content`: the record's text; empty for a copy of decision-record.md.
    explicit Workspace(const QByteArray &content = {}, const QString &fileName = QStringLiteral("record.md"))
    {
        record = dir.filePath(fileName);
        db = dir.filePath(QStringLiteral("ledger.sqlite"));
        if (!writeBytes(record,
                content.isEmpty() ? readBytes(dataPath(QStringLiteral("input/decision-record.md")))
                                  : content))
            qFatal("cannot write the record");
    }
    Run signOff(
        int role, const QString &decision = QStringLiteral("--approve"), const QStringList &extra = {}) const
    {
        return run(QStringList{QStringLiteral("signoff"), record, QStringLiteral("--db"), db,
                       QStringLiteral("--role"), roles.at(role), QStringLiteral("--signer"), signers.at(role),
                       decision} +
            extra);
    }
    Run command(const QString &name, const QStringList &arguments,
        const QProcessEnvironment &environment = QProcessEnvironment::systemEnvironment()) const
    {
        return run(QStringList{name} + arguments + QStringList{QStringLiteral("--db"), db}, environment);
    }
    QTemporaryDir dir;
    QString record;
    QString db;
};

} // namespace TestSupport
