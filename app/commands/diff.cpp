// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// countersign diff LEFT RIGHT [-U N] [-b] [-w] [-B] [-i] [-q] [--html OUT.html]: the line diff in
// unified format, with GNU diff's options and exit codes.
#include "commandio.h"
#include "commandoptions.h"
#include "commands.h"
#include "diff/htmldiff.h"
#include "diff/linediff.h"
#include "diff/sidebysidediff.h"
#include "diff/unifieddiff.h"
#include "record/documentloader.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTimeZone>

#include <cstdio>
#include <cstdlib>
#include <optional>
#include <thread>

namespace Countersign::Commands {

namespace {

// The options, spelled as GNU diff spells them.
QList<CommandOptions::Option> spellings()
{
    CommandOptions::Option context = CommandOptions::valued(u"U|unified", QStringLiteral("N"));
    context.option.setFlags(QCommandLineOption::ShortOptionStyle); // -U3 as well as -U 3
    context.badValue = QStringLiteral("-U needs a number of context lines (0 or more)");
    context.acceptsValue = [](const QString &value) {
        bool ok = false;
        const int lines = value.toInt(&ok);
        return ok && lines >= 0;
    };
    CommandOptions::Option html = CommandOptions::valued(u"html", QStringLiteral("OUT.html"));
    html.badValue = QStringLiteral("--html needs an output file name");
    html.acceptsValue = [](const QString &value) { return !value.isEmpty(); };
    return {CommandOptions::flag(u"u"), // the unified format is the only one
        context, CommandOptions::flag(u"b|ignore-space|ignore-space-change"),
        CommandOptions::flag(u"w|ignore-all-space"), CommandOptions::flag(u"B|ignore-blank-lines"),
        CommandOptions::flag(u"i|ignore-case"), CommandOptions::flag(u"q|brief"), html};
}

// "name<TAB>2026-02-08 14:03:07.123000000 +0100", the header diff -u writes.
QString diffLabel(const QString &path)
{
    const QDateTime modified = QFileInfo(path).lastModified(QTimeZone::LocalTime);
    const int offset = modified.offsetFromUtc() / 60;
    const QString sign = offset < 0 ? QStringLiteral("-") : QStringLiteral("+");
    return path + u'\t' + modified.toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz")) + u"000000 " + sign +
        QStringLiteral("%1%2")
            .arg(std::abs(offset) / 60, 2, 10, QLatin1Char('0'))
            .arg(std::abs(offset) % 60, 2, 10, QLatin1Char('0'));
}

Result<DiffText> readDiffText(const QString &path)
{
    const Result<LargeBytes> bytes = DocumentLoader::readDiffInput(path);
    if (!bytes)
        return bytes.error();
    return DiffText(bytes.value());
}

} // namespace

int diff(const QStringList &arguments)
{
    CommandOptions options(QStringLiteral("diff"), spellings());
    if (const std::optional<QString> problem = options.parse(arguments))
        return usageError(*problem);
    const QStringList files = options.operands();
    if (files.size() != 2)
        return usageError(QStringLiteral("diff takes two files, LEFT and RIGHT"));
    DiffOptions ignoring;
    for (const QString &option : options.given()) { // of -b and -w, the last given wins
        if (option == u"b")
            ignoring.whitespace = DiffOptions::Whitespace::IgnoreChanges;
        else if (option == u"w")
            ignoring.whitespace = DiffOptions::Whitespace::IgnoreAll;
    }
    ignoring.ignoreBlankLines = options.isSet(QStringLiteral("B"));
    ignoring.ignoreCase = options.isSet(QStringLiteral("i"));
    const int context = options.isSet(QStringLiteral("U")) ? options.value(QStringLiteral("U")).toInt() : 3;
    const QString html = options.value(QStringLiteral("html"));

    // Reading, checking and splitting a file is independent of the other file: do the left one on
    // a second thread.
    std::optional<Result<DiffText>> leftText;
    std::thread leftReader([&] { leftText = readDiffText(files.at(0)); });
    const Result<DiffText> rightText = readDiffText(files.at(1));
    leftReader.join();
    if (!*leftText)
        return loadError(leftText->error());
    if (!rightText)
        return loadError(rightText.error());
    const DiffText &left = leftText->value();
    const DiffText &right = rightText.value();
    const LineDiffResult lineDiff = LineDiff::compute(left, right, ignoring);
    const int status = lineDiff.isIdentical() ? Clean : Findings;

    if (!html.isEmpty()) {
        const std::optional<QList<DiffHunk>> hunks = SideBySideDiff::build(left, right, lineDiff, context);
        QSaveFile page(html);
        if (!page.open(QIODevice::WriteOnly) ||
            !HtmlDiff::write(&page, left, right, *hunks, files.at(0), files.at(1)) || !page.commit()) {
            writeErr(QStringLiteral("countersign: %1: cannot write the HTML page: %2\n")
                    .arg(html, page.errorString()));
            return finish(Trouble);
        }
    }
    if (options.isSet(QStringLiteral("q"))) {
        if (status == Findings)
            writeOut(QStringLiteral("Files %1 and %2 differ\n").arg(files.at(0), files.at(1)));
        return finish(status);
    }
    QFile out;
    std::fflush(stdout);
    if (!out.open(stdout, QIODevice::WriteOnly) ||
        !UnifiedDiff::write(
            &out, left, right, lineDiff, context, {diffLabel(files.at(0)), diffLabel(files.at(1))})) {
        return finish(outputError(out.errorString()));
    }
    if (!out.flush())
        return finish(outputError(out.errorString()));
    return finish(status);
}

} // namespace Countersign::Commands
