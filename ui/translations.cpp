// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "translations.h"

#include <QCoreApplication>
#include <QDir>
#include <QLibraryInfo>
#include <QList>
#include <QPointer>
#include <QTranslator>

namespace Countersign {

namespace {

QList<QPointer<QTranslator>> &installed()
{
    static QList<QPointer<QTranslator>> translators;
    return translators;
}

bool load(const QLocale &locale, const QString &name, const QString &folder)
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (!translator->load(locale, name, QStringLiteral("_"), folder) ||
        !QCoreApplication::installTranslator(translator)) {
        delete translator;
        return false;
    }
    installed().append(translator);
    return true;
}

} // namespace

bool Translations::install(const QLocale &locale)
{
    for (const QPointer<QTranslator> &translator : std::as_const(installed())) {
        if (translator) {
            QCoreApplication::removeTranslator(translator);
            delete translator;
        }
    }
    installed().clear();
    // Qt's own strings (the buttons of message boxes and file dialogs), when the system has them.
    load(locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    return load(locale, QStringLiteral("countersign"), QStringLiteral(":/i18n"));
}

QStringList Translations::languages()
{
    QStringList languages;
    for (const QString &file :
        QDir(QStringLiteral(":/i18n")).entryList({QStringLiteral("countersign_*.qm")})) {
        languages.append(file.mid(file.indexOf(u'_') + 1).chopped(3));
    }
    return languages;
}

} // namespace Countersign
