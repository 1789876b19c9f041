// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QDialog>
#include <QList>
#include <QPair>

class QPushButton;

namespace Countersign {

// Help > About Countersign: the icon, name and version, and what a bug report needs to know about
// this build and this run: the commit it was built from, the versions of Qt (running and built
// against), KSyntaxHighlighting, SQLite (from the QSQLITE driver) and cmark-gfm, the ledger in use,
// the settings file and the licence. Copy puts all of it on the clipboard as plain text. Nothing in it fails:
// a version that cannot be found reads "unknown".
class AboutDialog : public QDialog
{
    Q_OBJECT
public:
    // `ledgerPath`: the sign-off ledger of the window that opened the dialog.
    explicit AboutDialog(const QString &ledgerPath, QWidget *parent = nullptr);

    // The facts shown, in order: (label, value), with untranslated labels.
    const QList<QPair<QString, QString>> &facts() const { return m_facts; }
    // What Copy puts on the clipboard: the facts one per line, in English whatever the language of
    // the window, since the report goes to the developers.
    QString plainText() const;
    QPushButton *copyButton() const { return m_copy; }

    // The licence Countersign is distributed under, as an SPDX identifier ("MIT").
    static QString licence();
    // The commit the build was made from ("unknown" when it was not built from a git checkout).
    static QString commit();

private:
    void copy();

    QList<QPair<QString, QString>> m_facts;
    QPushButton *m_copy;
};

} // namespace Countersign
