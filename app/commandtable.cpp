// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "commandtable.h"

#include "commands/commands.h"

namespace Countersign {

const QList<Command> &CommandTable::commands()
{
    static const QList<Command> table = {
        {QStringLiteral("open"), {},
            {{QStringLiteral("open [LEFT [RIGHT]] [--screenshot OUT.png] [--color-scheme S]"),
                QStringLiteral("open the window on two records (the default command);\n"
                               "--screenshot saves a PNG of the window once loaded and exits;\n"
                               "--color-scheme desktop, light or dark for this run;\n"
                               "--theme NAME the panes' highlighting theme; --db PATH the ledger")}}},
        {QStringLiteral("show"), {},
            {{QStringLiteral("show FILE [--json [--pretty]]"),
                QStringLiteral("print the parsed model of a record; --json as one line of\n"
                               "JSON (schema: README), --pretty indented")}},
            Commands::show},
        {QStringLiteral("diff"), {},
            {{QStringLiteral("diff LEFT RIGHT [-U N] [-b] [-w] [-B] [-i] [-q] [--html OUT.html]"),
                QStringLiteral("unified line diff (GNU patch applies it); exit 0 same,\n"
                               "1 different, 2 trouble. -U context lines (3); -b/--ignore-space\n"
                               "whitespace changes, -w all whitespace, -B blank lines, -i case;\n"
                               "-q only say whether they differ; --html also writes a\n"
                               "side-by-side page with word-level highlights")}},
            Commands::diff},
        {QStringLiteral("lint"), {},
            {{QStringLiteral("lint FILE..."),
                QStringLiteral("check records; exit 0 clean, 1 findings, 2 error")}},
            Commands::lint},
        {QStringLiteral("digest"), {},
            {{QStringLiteral("digest FILE..."),
                QStringLiteral("print the SHA-256 digest of each record's canonical content")}},
            Commands::digest},
        {QStringLiteral("compare"), {},
            {{QStringLiteral("compare LEFT RIGHT [--json]"),
                QStringLiteral("structural differences of two records (blocking, warning,\n"
                               "info); exit 0 aligned, 1 blocking differences, 2 error")}},
            Commands::compare},
        {QStringLiteral("check"), {},
            {{QStringLiteral("check PATH... [--json]"),
                QStringLiteral("check the records of each cutover in files and folders\n"
                               "against each other; exit 0 aligned, 1 blocking, 2 error\n"
                               "or no cutover record found")}},
            Commands::check},
        {QStringLiteral("signoff"), {},
            {{QStringLiteral(
                  "signoff RECORD --role R --signer NAME --approve|--reject|--withdraw [--comment C]\n"
                  "        [--key KEY] [--principal P] [--sign|--unsigned]"),
                QStringLiteral("record a sign-off in the ledger (a comment is needed to\n"
                               "reject or withdraw), signed with your SSH key by ssh-keygen\n"
                               "when a trust folder governs the record, --key or the\n"
                               "setting names a key, or --sign (ssh-agent's first key);\n"
                               "exit 0 recorded, 1 refused, 2 error")}},
            Commands::signOff},
        {QStringLiteral("status"), {},
            {{QStringLiteral("status RECORD"),
                QStringLiteral("each role's sign-off, signed or not; exit 0 final, 1 open\n"
                               "(or an untrusted ledger), 2 error")}},
            Commands::status},
        {QStringLiteral("ledger"), {},
            {{QStringLiteral("ledger verify"),
                 QStringLiteral("check the ledger's hash chains (sign-offs, risk decisions)\n"
                                "and every signature; exit 0 intact, 1 tampered, 2 error\n"
                                "(no such ledger, say)")},
                {QStringLiteral("ledger init LEDGER [--grant ROLE]"),
                    QStringLiteral("make a ledger: a file, or on a PostgreSQL server\n"
                                   "(postgresql://host/database) its schema, printing the\n"
                                   "GRANTs for ROLE (countersign_app); exit 1 if one is there")},
                {QStringLiteral("ledger copy FROM TO"),
                    QStringLiteral("copy a whole ledger into an empty one (file or server),\n"
                                   "every entry, chain and signature kept, verified after;\n"
                                   "exit 0 copied, 1 refused (tampered FROM, TO not empty)")}},
            Commands::ledger},
        {QStringLiteral("trust"), {},
            {{QStringLiteral("trust init [DIR] --principal P [--key KEY]"),
                 QStringLiteral("create DIR/.countersign (DIR: the repository) with your key\n"
                                "in allowed_signers, an empty roles file and a policy")},
                {QStringLiteral("trust add PRINCIPAL KEY --role R [--role R...] [--dir DIR]"),
                    QStringLiteral("allow KEY (a .pub file or the key's text) for PRINCIPAL and\n"
                                   "let the principal sign the roles")}},
            Commands::trust},
        {QStringLiteral("export"), {},
            {{QStringLiteral("export RECORD [-o OUT] [--allow-open]"),
                 QStringLiteral("the finalized record (content, Sign-off table, digest footer);\n"
                                "refused (exit 1) while a role is open unless --allow-open")},
                {QStringLiteral("export RECORD --pdf -o OUT.pdf [--allow-open]"),
                    QStringLiteral("the same as an A4 PDF handout (page footers with the file,\n"
                                   "page N of M and the digest); needs no display")}},
            Commands::exportRecord, Commands::exportNeedsGui},
        {QStringLiteral("verify"), {},
            {{QStringLiteral("verify FINALIZED.md [--signers DIR] [--db PATH]"),
                QStringLiteral("check an exported record offline: its digests, each signed\n"
                               "statement, the trust folder (found above the file, or DIR)\n"
                               "and that every role approved this content; with --db also\n"
                               "the ledger; exit 0 valid and final, 1 tampered or NOT FINAL,\n"
                               "2 error")}},
            Commands::verify},
        {QStringLiteral("review"), {},
            {{QStringLiteral("review RECORD [--json]"),
                 QStringLiteral("the residual risks and open items to review, each with the\n"
                                "decision that stands")},
                {QStringLiteral(
                     "review RECORD --item N --decision accepted|mitigated|needs-action [--owner NAME]\n"
                     "       [--due YYYY-MM-DD] [--note TEXT] --by NAME"),
                    QStringLiteral("record a meeting's decision on item N (needs-action needs\n"
                                   "--owner and --due); exit 0 recorded, 1 refused, 2 error")}},
            Commands::review},
        {QStringLiteral("mirror"), {},
            {{QStringLiteral("mirror RECORD [-o OUT] [--force]"),
                QStringLiteral("the other side's copy of a decision record: the producer mirror\n"
                               "of a consumer record, or the consumer record of a mirror; to OUT\n"
                               "(not replaced unless --force) or standard output; exit 0, 2 error")}},
            Commands::mirror},
        {QStringLiteral("help"), {QStringLiteral("-h"), QStringLiteral("--help")},
            {{QStringLiteral("-h, --help"), QStringLiteral("show this help")}}, Commands::help, nullptr,
            Command::Section::Options},
        {QStringLiteral("version"), {QStringLiteral("-v"), QStringLiteral("--version")},
            {{QStringLiteral("-v, --version"), QStringLiteral("show the version")}}, Commands::version,
            nullptr, Command::Section::Options},
    };
    return table;
}

const Command *CommandTable::find(const QString &name)
{
    for (const Command &command : commands()) {
        if (command.name == name || command.aliases.contains(name))
            return &command;
    }
    return nullptr;
}

namespace {

// "  synopsis", then the summary at column 23: on the same line when the synopsis leaves room for
// two spaces, else on the next.
QString listing(const Command::Usage &usage)
{
    constexpr qsizetype column = 23;
    const QString indent = QStringLiteral("\n") + QString(column, u' ');
    QString out = QStringLiteral("  ") + QString(usage.synopsis).replace(u'\n', QStringLiteral("\n  "));
    if (!usage.synopsis.contains(u'\n') && out.size() + 2 <= column)
        out = out.leftJustified(column);
    else
        out += indent;
    return out + QString(usage.summary).replace(u'\n', indent) + u'\n';
}

QString listing(Command::Section section)
{
    QString out;
    for (const Command &command : CommandTable::commands()) {
        if (command.section != section)
            continue;
        for (const Command::Usage &usage : command.usage)
            out += listing(usage);
    }
    return out;
}

} // namespace

QString CommandTable::usage()
{
    return QStringLiteral("Usage: countersign [COMMAND] [ARGS]\n"
                          "\n"
                          "Compare, sign off and export bilateral release cutover records.\n"
                          "\n"
                          "Commands:\n") +
        listing(Command::Section::Commands) +
        QStringLiteral(
            "\n"
            "Sign-off and review commands take --db PATH (default: the window's File > Sign-off "
            "Ledger, else\n"
            "countersign.sqlite in the user's data folder). A command that only reads a ledger never "
            "creates\n"
            "one: a --db PATH that does not exist is an error; a default ledger not made yet reads as "
            "empty.\n"
            "--db also takes a ledger on a PostgreSQL server: postgresql://[user@]host/database "
            "(passwords\n"
            "from ~/.pgpass or PGPASSWORD, never in the URI).\n"
            "\n"
            "Options:\n") +
        listing(Command::Section::Options) +
        QStringLiteral("\n"
                       "Exit status: 0 success, 1 findings, 2 trouble (bad usage, unreadable or invalid "
                       "file,\n"
                       "a missing ledger, output that could not be written).\n");
}

} // namespace Countersign
