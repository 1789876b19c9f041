// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// `countersign export --pdf` through the real binary, with no display and QT_QPA_PLATFORM unset: the
// handout of a signed record (a PDF of the expected pages whose text has the title, every role and
// signer and the content digest, and no sign-off marker), a long record running onto more pages with
// "page N of M" on each, refusal while sign-offs are open and NOT FINAL with --allow-open, and bad
// output paths and usage reported by name with exit status 2. poppler-utils (pdfinfo, pdftotext)
// read the PDFs as a user's viewer would. With COUNTERSIGN_SCREENSHOTS=DIR set,
// handoutOfASignedRecord() also saves page 1 as DIR/pdf-handout.png (pdftoppm, 80 dpi).
#include "pgserver.h"
#include "signoffworkspace.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>

using TestSupport::roles;
using TestSupport::signers;
using TestSupport::Workspace;

namespace {

// The pages the sample record's handout takes, seen by eye in its rendering
// (resources/screenshots/pdf-handout.png is page 1): the record with its sign-off table and footer.
constexpr int samplePages = 2;

// No display of any kind, and no platform chosen: as in a CI job or over ssh.
QProcessEnvironment headless()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name :
        {QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY"), QStringLiteral("QT_QPA_PLATFORM")})
        environment.remove(name);
    return environment;
}

QString poppler(const QString &tool, const QStringList &arguments)
{
    QProcess process;
    process.start(tool, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0) {
        qWarning("%s %s failed: %s", qPrintable(tool), qPrintable(arguments.join(u' ')),
            process.readAllStandardError().constData());
        return {};
    }
    return QString::fromUtf8(process.readAllStandardOutput());
}

// The PDF's text, words separated by single spaces (table cells wrap wherever the layout wraps them).
QString pdfText(const QString &pdf, int page = 0)
{
    QStringList arguments;
    if (page > 0)
        arguments << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l")
                  << QString::number(page);
    return poppler(QStringLiteral("pdftotext"), arguments << pdf << QStringLiteral("-")).simplified();
}

QString pdfInfo(const QString &pdf, const QString &field)
{
    const QRegularExpressionMatch match =
        QRegularExpression(QStringLiteral("^%1:\\s*(.*)$").arg(field), QRegularExpression::MultilineOption)
            .match(poppler(QStringLiteral("pdfinfo"), {pdf}));
    return match.captured(1).trimmed();
}

int pageCount(const QString &pdf)
{
    return pdfInfo(pdf, QStringLiteral("Pages")).toInt();
}

QString digestOf(const QString &record)
{
    return QString::fromUtf8(TestSupport::run({QStringLiteral("digest"), record}).out).section(u' ', 0, 0);
}

// A record like the sample with `risks` residual risks, each a sentence long enough to wrap.
QByteArray recordWithRisks(int risks)
{
    QByteArray bytes =
        TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md")));
    QByteArray list;
    for (int i = 1; i <= risks; ++i)
        list += QByteArray::number(i) + ". Risk " + QByteArray::number(i) +
            ": a consumer queue may lag behind the producer's repinned baseline for a while after cutover.\n";
    const QByteArray heading = "## Residual Risks (Non-blocking)\n";
    const qsizetype at = bytes.indexOf(heading);
    const qsizetype end = bytes.indexOf("\n## ", at + heading.size());
    if (at < 0 || end < 0)
        qFatal("the sample has no residual risks section");
    return bytes.left(at + heading.size()) + list + bytes.mid(end);
}

// How many UTC timestamps (2026-03-14T09:30:00.000Z) `text` holds whole.
qsizetype wholeTimestamps(const QString &text)
{
    static const QRegularExpression timestamp(
        QStringLiteral("\\b\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\\b"));
    return text.count(timestamp);
}

void signAll(const Workspace &w)
{
    for (int role = 0; role < roles.size(); ++role) {
        if (w.signOff(role).exitCode != 0)
            qFatal("cannot sign role %d", role);
    }
}

} // namespace

class TestPdfExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        for (const QString &tool : {QStringLiteral("pdfinfo"), QStringLiteral("pdftotext")}) {
            if (QStandardPaths::findExecutable(tool).isEmpty())
                QFAIL("poppler-utils (pdfinfo, pdftotext) are needed to read the PDFs; the build root has "
                      "them");
        }
    }

    void handoutOfASignedRecord()
    {
        Workspace w({}, QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md"));
        signAll(w);
        const QString pdf = w.dir.filePath(QStringLiteral("handout.pdf"));
        const TestSupport::Run exported = w.command(QStringLiteral("export"),
            {w.record, QStringLiteral("--pdf"), QStringLiteral("-o"), pdf}, headless());
        QCOMPARE(exported.exitCode, 0);
        // The record sits alone, so its review only warns that the checkpoints it names are not found.
        for (const QString &line : exported.err.split(u'\n', Qt::SkipEmptyParts))
            QVERIFY2(line.startsWith(QStringLiteral("countersign: warning: ")) &&
                    line.contains(QStringLiteral("decision input")),
                qPrintable(line));
        QCOMPARE(exported.out, QStringLiteral("%1: exported %2 (final)\n").arg(pdf, w.record).toUtf8());
        QVERIFY(TestSupport::readBytes(pdf).startsWith("%PDF-"));

        QCOMPARE(pageCount(pdf), samplePages);
        QCOMPARE(pdfInfo(pdf, QStringLiteral("Title")), QStringLiteral("Runtime Cutover Decision Record"));
        QCOMPARE(pdfInfo(pdf, QStringLiteral("Creator")), QStringLiteral("Countersign " COUNTERSIGN_VERSION));
        QVERIFY(pdfInfo(pdf, QStringLiteral("Page size")).endsWith(QStringLiteral("(A4)")));

        const QString text = pdfText(pdf);
        QVERIFY(text.startsWith(QStringLiteral("Runtime Cutover Decision Record")));
        for (int role = 0; role < roles.size(); ++role) {
            QVERIFY2(text.contains(roles.at(role)), qPrintable(roles.at(role)));
            QVERIFY2(text.contains(signers.at(role)), qPrintable(signers.at(role)));
        }
        const QString digest = digestOf(w.record);
        QCOMPARE(digest.size(), 64);
        // In the record's own footer and in every page's footer.
        QCOMPARE(text.count(digest), 1 + samplePages);
        for (const QString &hidden :
            {QStringLiteral("countersign:signoff"), QStringLiteral("<!--"), QStringLiteral("NOT FINAL")})
            QVERIFY2(!text.contains(hidden), qPrintable(hidden));
        // Every sign-off's time whole, on one line: the table's text is set smaller rather than a
        // timestamp broken.
        QCOMPARE(wholeTimestamps(text), roles.size() + 1); // and the export time in the footer
        // The table's header, in the order pdftotext reads its columns (it may take a wrapped
        // column's cells first).
        QVERIFY2(text.contains(QStringLiteral("Sign-off Role Holder")) &&
                text.contains(QStringLiteral("Decision Time (UTC) Digest Signature")),
            qPrintable(text.mid(text.indexOf(QStringLiteral("Sign-off Role")), 200)));

        if (const QString screenshots = qEnvironmentVariable("COUNTERSIGN_SCREENSHOTS");
            !screenshots.isEmpty()) {
            const QString png = QDir(screenshots).filePath(QStringLiteral("pdf-handout"));
            poppler(QStringLiteral("pdftoppm"),
                {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("80"), QStringLiteral("-f"),
                    QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
                    QStringLiteral("-singlefile"), pdf, png});
            QVERIFY(QFileInfo::exists(png + QStringLiteral(".png")));
            qInfo("saved %s.png", qPrintable(png));
        }
    }

    // A shared ledger's export has a Server user column too: eight columns whose longest words do
    // not fit across the page at the table's usual size, so the table is set smaller, and no
    // timestamp or digest is broken.
    void aSharedLedgersWiderTableKeepsItsWordsWhole()
    {
        if (const std::optional<QString> missing = TestSupport::PgServer::unavailable())
            QSKIP(qPrintable(*missing));
        TestSupport::PgServer server;
        QString why;
        QVERIFY2(server.start(&why), qPrintable(why));
        Workspace w;
        w.db = server.newDatabase(QStringLiteral("handout"));
        QCOMPARE(TestSupport::run({QStringLiteral("ledger"), QStringLiteral("init"), w.db}).exitCode, 0);
        signAll(w);
        const QString pdf = w.dir.filePath(QStringLiteral("handout.pdf"));
        const TestSupport::Run exported = w.command(QStringLiteral("export"),
            {w.record, QStringLiteral("--pdf"), QStringLiteral("-o"), pdf}, headless());
        QVERIFY2(exported.exitCode == 0, qPrintable(exported.err));
        const QString text = pdfText(pdf);
        QVERIFY2(text.contains(QStringLiteral("Server user")), qPrintable(text));
        QCOMPARE(wholeTimestamps(text), roles.size() + 1);
        static const QRegularExpression digest(QStringLiteral("\\b[0-9a-f]{12}\\b"));
        QCOMPARE(text.count(digest), roles.size());
    }

    // Many residual risks: more pages, each with its footer (file name, page N of M, digest).
    void longRecordRunsOntoMorePages()
    {
        const auto exportRisks = [](const Workspace &w) {
            signAll(w);
            const QString pdf = w.dir.filePath(QStringLiteral("long.pdf"));
            const TestSupport::Run exported = w.command(QStringLiteral("export"),
                {w.record, QStringLiteral("--pdf"), QStringLiteral("-o"), pdf}, headless());
            return exported.exitCode == 0 ? pdf : QString();
        };
        const Workspace w(recordWithRisks(150));
        const QString pdf = exportRisks(w);
        QVERIFY(!pdf.isEmpty());
        const int pages = pageCount(pdf);
        // 150 more list items, each at least a line of 11 pt: over 1600 pt, more than two pages of
        // body (about 700 pt each) beyond the sample's.
        QVERIFY2(pages > samplePages + 2, qPrintable(QString::number(pages)));
        // Twice the risks, more pages still.
        const Workspace twice(recordWithRisks(300));
        const QString longer = exportRisks(twice);
        QVERIFY(!longer.isEmpty());
        QVERIFY2(pageCount(longer) > pages + 2, qPrintable(QString::number(pageCount(longer))));
        const QString digest = digestOf(w.record);
        for (int page = 1; page <= pages; ++page) {
            const QString text = pdfText(pdf, page);
            QVERIFY2(text.contains(QStringLiteral("page %1 of %2").arg(page).arg(pages)), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("record.md Content digest (SHA-256): ") + digest),
                qPrintable(text));
        }
        const QString text = pdfText(pdf);
        QVERIFY(text.contains(QStringLiteral("150. Risk 150: a consumer queue")));
        QVERIFY(text.contains(QStringLiteral("Eli Novak")));
    }

    void refusedWhileOpenUnlessAllowed()
    {
        Workspace w;
        QCOMPARE(w.signOff(0).exitCode, 0);
        QCOMPARE(w.signOff(1).exitCode, 0);
        const QString pdf = w.dir.filePath(QStringLiteral("open.pdf"));
        const QStringList arguments{w.record, QStringLiteral("--pdf"), QStringLiteral("-o"), pdf};
        const TestSupport::Run refused = w.command(QStringLiteral("export"), arguments, headless());
        QCOMPARE(refused.exitCode, 1);
        QVERIFY(refused.err.contains(QStringLiteral("is not final")));
        QVERIFY(refused.err.contains(QStringLiteral("--allow-open")));
        QVERIFY(!QFileInfo::exists(pdf));

        const TestSupport::Run open = w.command(
            QStringLiteral("export"), arguments + QStringList{QStringLiteral("--allow-open")}, headless());
        QCOMPARE(open.exitCode, 0);
        QVERIFY(open.out.endsWith("(NOT FINAL: open sign-offs)\n"));
        const QString text = pdfText(pdf);
        QVERIFY2(text.startsWith(
                     QStringLiteral("NOT FINAL: open sign-offs — Tessera rollback owner role (pending); "
                                    "Harbor rollback owner role (pending)")),
            qPrintable(text));
        // Every page says so in its footer, so that no page passes for final on its own.
        const int pages = pageCount(pdf);
        for (int page = 1; page <= pages; ++page)
            QVERIFY(pdfText(pdf, page).contains(QStringLiteral("NOT FINAL")));
        QVERIFY(text.contains(QStringLiteral("Ana Ruiz approve")));
    }

    void badOutputAndUsage_data()
    {
        QTest::addColumn<QStringList>("arguments"); // RECORD and OUT stand for the record and OUT.pdf
        QTest::addColumn<QString>("message");
        const QString out = QStringLiteral("OUT");
        QTest::newRow("no such folder") << QStringList{QStringLiteral("RECORD"), QStringLiteral("--pdf"),
                                               QStringLiteral("-o"), QStringLiteral("MISSING/out.pdf")}
                                        << QStringLiteral("MISSING/out.pdf: cannot be written");
        QTest::newRow("output is a folder") << QStringList{QStringLiteral("RECORD"), QStringLiteral("--pdf"),
                                                   QStringLiteral("-o"), QStringLiteral("DIR")}
                                            << QStringLiteral("DIR: cannot be written");
        QTest::newRow("no output file") << QStringList{QStringLiteral("RECORD"), QStringLiteral("--pdf")}
                                        << QStringLiteral("export --pdf needs -o OUT.pdf");
        QTest::newRow("standard output") << QStringList{QStringLiteral("RECORD"), QStringLiteral("--pdf"),
                                                QStringLiteral("-o"), QStringLiteral("-")}
                                         << QStringLiteral("export --pdf needs -o OUT.pdf");
        QTest::newRow("no record") << QStringList{QStringLiteral("--pdf"), QStringLiteral("-o"), out}
                                   << QStringLiteral("export takes exactly one RECORD");
        QTest::newRow("missing record") << QStringList{QStringLiteral("MISSING/record.md"),
                                               QStringLiteral("--pdf"), QStringLiteral("-o"), out}
                                        << QStringLiteral("MISSING/record.md");
        QTest::newRow("unknown option") << QStringList{QStringLiteral("RECORD"), QStringLiteral("--pdf"),
                                               QStringLiteral("--color"), QStringLiteral("-o"), out}
                                        << QStringLiteral("unknown option '--color'");
    }

    void badOutputAndUsage()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, message);
        Workspace w;
        signAll(w);
        const QString folder = w.dir.path();
        for (QString &argument : arguments) {
            argument.replace(QStringLiteral("RECORD"), w.record)
                .replace(QStringLiteral("MISSING"), folder + QStringLiteral("/missing"))
                .replace(QStringLiteral("DIR"), folder)
                .replace(QStringLiteral("OUT"), folder + QStringLiteral("/out.pdf"));
        }
        message.replace(QStringLiteral("MISSING"), folder + QStringLiteral("/missing"))
            .replace(QStringLiteral("DIR"), folder);
        const TestSupport::Run exported = w.command(QStringLiteral("export"), arguments, headless());
        QCOMPARE(exported.exitCode, 2);
        QVERIFY(!exported.crashed);
        QVERIFY2(exported.err.contains(message), qPrintable(exported.err));
        QVERIFY(!QFileInfo::exists(folder + QStringLiteral("/out.pdf")));
    }

    // A folder the user may not write to (as root too: without the capability that overrides it).
    void readOnlyFolder()
    {
        Workspace w;
        signAll(w);
        const QString folder = w.dir.filePath(QStringLiteral("read-only"));
        QVERIFY(QDir().mkdir(folder));
        QVERIFY(QFile::setPermissions(
            folder, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
        const QString pdf = folder + QStringLiteral("/handout.pdf");
        const TestSupport::Run exported =
            TestSupport::runWithoutReadOverride({QStringLiteral("export"), w.record, QStringLiteral("--pdf"),
                                                    QStringLiteral("-o"), pdf, QStringLiteral("--db"), w.db},
                headless());
        if (exported.exitCode == -1)
            QFAIL("setpriv is needed to test an unwritable folder as root");
        QCOMPARE(exported.exitCode, 2);
        QVERIFY2(
            exported.err.contains(pdf + QStringLiteral(": cannot be written")), qPrintable(exported.err));
        QVERIFY(QDir(folder).isEmpty());
        QVERIFY(QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    }
};

QTEST_GUILESS_MAIN(TestPdfExport)
#include "tst_pdfexport.moc"
