// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Countersign {

// One row of CommandTable: a subcommand of `countersign`, everything the executable needs to list it
// in --help and to run it.
struct Command
{
    // A form of the command in --help: the synopsis, then the summary (lines separated by '\n', as
    // wrapped there). A synopsis too long for one line goes on with '\n' and its own indent.
    struct Usage
    {
        QString synopsis;
        QString summary;
    };
    // Where --help lists it.
    enum class Section { Commands, Options };
    // Runs the command on `arguments` (those after its name) and returns the exit status.
    using Handler = int (*)(const QStringList &arguments);
    using Predicate = bool (*)(const QStringList &arguments);

    QString name;
    QStringList aliases; // "-h", "--help": other names of the command, not listed in --help
    QList<Usage> usage;
    // Null for the window's command (open), which the window module runs with its own arguments.
    Handler run = nullptr;
    // For a command that needs Qt Gui for some of its arguments (export --pdf, the only one):
    // commandsmain.cpp then hands the run to the window module (countersign_run_pdf_export, which runs export
    // with the module's PdfWriter), so that other runs never load Qt Gui.
    Predicate needsGui = nullptr;
    Section section = Section::Commands;
};

} // namespace Countersign
