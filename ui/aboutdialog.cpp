// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "aboutdialog.h"

#include "base/libraryversions.h"
#include "countersigncommit.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>
#include <ksyntaxhighlighting_version.h>

#include <tuple>

namespace Countersign {

namespace {

// The window module's icon, from the PNGs compiled into it; elsewhere (tests) the application's.
QIcon appIcon()
{
    QIcon icon;
    for (const int size : {64, 128, 256}) {
        const QString png = QStringLiteral(":/icons/%1x%1/apps/" COUNTERSIGN_APP_ID ".png").arg(size);
        if (QFile::exists(png))
            icon.addFile(png);
    }
    return icon.isNull() ? QApplication::windowIcon() : icon;
}

} // namespace

QString AboutDialog::licence()
{
    // The SPDX identifier the AppStream metainfo declares as project_license, and LICENSES/ holds.
    return QStringLiteral("MIT");
}

QString AboutDialog::commit()
{
    return QStringLiteral(COUNTERSIGN_COMMIT);
}

AboutDialog::AboutDialog(const QString &ledgerPath, QWidget *parent)
    : QDialog(parent)
    , m_copy(new QPushButton(tr("&Copy"), this))
{
    setWindowTitle(tr("About Countersign"));
    // Untranslated labels (for Copy) beside the translated ones the dialog shows.
    const QList<std::tuple<QString, QString, QString>> rows = {
        {QStringLiteral("Version"), tr("Version"), QStringLiteral(COUNTERSIGN_VERSION)},
        {QStringLiteral("Commit"), tr("Commit"), commit()},
        {QStringLiteral("Qt"), tr("Qt"), QString::fromLatin1(qVersion())},
        {QStringLiteral("Qt built against"), tr("Qt built against"), QStringLiteral(QT_VERSION_STR)},
        {QStringLiteral("KF6 SyntaxHighlighting"), tr("KF6 SyntaxHighlighting"),
            QStringLiteral(KSYNTAXHIGHLIGHTING_VERSION_STRING)},
        {QStringLiteral("SQLite"), tr("SQLite"), LibraryVersions::sqlite()},
        {QStringLiteral("cmark-gfm"), tr("cmark-gfm"), LibraryVersions::cmarkGfm()},
        {QStringLiteral("Sign-off ledger"), tr("Sign-off ledger"), ledgerPath},
        {QStringLiteral("Settings"), tr("Settings"), QSettings().fileName()},
        {QStringLiteral("Licence"), tr("Licence"), licence()},
    };

    auto *icon = new QLabel(this);
    icon->setPixmap(appIcon().pixmap(96, 96));
    icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    icon->setAccessibleName(tr("Countersign icon"));

    auto *name = new QLabel(tr("Countersign"), this);
    name->setObjectName(QStringLiteral("name"));
    QFont nameFont = name->font();
    nameFont.setBold(true);
    nameFont.setPointSizeF(nameFont.pointSizeF() * 1.6);
    name->setFont(nameFont);
    auto *summary = new QLabel(tr("Compare, sign off and export bilateral release cutover records."), this);
    summary->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setLabelAlignment(Qt::AlignLeft);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setHorizontalSpacing(16);
    form->setVerticalSpacing(4);
    for (const auto &[key, label, value] : rows) {
        m_facts.append({key, value});
        auto *field = new QLabel(value, this);
        field->setObjectName(key);
        field->setTextFormat(Qt::PlainText);
        field->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
        auto *caption = new QLabel(label + u':', this);
        caption->setBuddy(field);
        form->addRow(caption, field);
    }

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_copy->setToolTip(tr("Copy these details as plain text, for a bug report"));
    buttons->addButton(m_copy, QDialogButtonBox::ActionRole);
    connect(m_copy, &QPushButton::clicked, this, &AboutDialog::copy);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *text = new QVBoxLayout;
    text->addWidget(name);
    text->addWidget(summary);
    text->addSpacing(8);
    text->addLayout(form);
    auto *top = new QHBoxLayout;
    top->setSpacing(18);
    top->addWidget(icon);
    top->addLayout(text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setSizeConstraint(QLayout::SetFixedSize); // as large as the paths need, no larger
    layout->addLayout(top);
    layout->addSpacing(8);
    layout->addWidget(buttons);
}

QString AboutDialog::plainText() const
{
    QString text = QStringLiteral("Countersign %1\n").arg(QStringLiteral(COUNTERSIGN_VERSION));
    for (const auto &[label, value] : m_facts) {
        if (label != u"Version")
            text += label + u": " + value + u'\n';
    }
    return text;
}

void AboutDialog::copy()
{
    QGuiApplication::clipboard()->setText(plainText());
    m_copy->setText(tr("Copied"));
}

} // namespace Countersign
