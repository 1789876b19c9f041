// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// The countersign executable, run as a user would: exit codes, messages, JSON, screenshots.
#include "clirunner.h"
#include "testsupport.h"

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <unistd.h>

namespace {

using TestSupport::Run;
using TestSupport::run;

QJsonObject showJson(const QString &path)
{
    const Run result = run({QStringLiteral("show"), QStringLiteral("--json"), path});
    if (result.exitCode != 0)
        qFatal("show --json %s failed: %s", qPrintable(path), qPrintable(result.err));
    return QJsonDocument::fromJson(result.out).object();
}

QString sample(const char *name)
{
    return TestSupport::samplePath(QString::fromLatin1(name));
}

QString data(const char *name)
{
    return TestSupport::dataPath(QString::fromLatin1(name));
}

QStringList fieldValues(const QJsonArray &fields, const QString &member)
{
    QStringList out;
    for (const QJsonValue &field : fields)
        out.append(field.toObject().value(member).toString());
    return out;
}

// The environment of a window run without a display, its settings and data in `dir` (none of the
// user's).
QProcessEnvironment offscreenIn(const QTemporaryDir &dir)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    return environment;
}

} // namespace

class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void helpAndVersion()
    {
        const Run help = run({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *command : {"open", "show", "lint", "digest", "compare", "check", "--version"})
            QVERIFY2(help.out.contains(command), command);
        const Run version = run({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out, QByteArray("countersign " COUNTERSIGN_VERSION "\n"));
    }

    void showJsonProducerMirror()
    {
        const QJsonObject doc =
            showJson(sample("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md"));
        QCOMPARE(doc.value(u"kind").toString(), QStringLiteral("producer-mirror"));
        const QJsonObject facts = doc.value(u"facts").toObject();
        const QJsonArray target = facts.value(u"runtimeTarget").toArray();
        QCOMPARE(target.at(0).toObject().value(u"key").toString(), QStringLiteral("release_tag"));
        QCOMPARE(target.at(0).toObject().value(u"value").toString(), QStringLiteral("v0.4.0"));
        QCOMPARE(target.at(1).toObject().value(u"key").toString(), QStringLiteral("commit_sha"));
        const QString sha = target.at(1).toObject().value(u"value").toString();
        QCOMPARE(sha, QStringLiteral("7e4806a34b98e6c06ee33fa9f11499a975e7b922"));
        QCOMPARE(fieldValues(facts.value(u"outcomes").toArray(), QStringLiteral("status")),
            (QStringList{QStringLiteral("GO"), QStringLiteral("GO")}));
        QCOMPARE(facts.value(u"roles").toArray().size(), 5);
        QCOMPARE(facts.value(u"decisionInputs").toArray().size(), 4);
        QCOMPARE(facts.value(u"phases").toArray().size(), 3);
    }

    void showJsonCheckpoints_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QStringList>("statuses");
        QTest::newRow("producer") << sample("SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER_2026-02-08.md")
                                  << QStringList(5, QStringLiteral("PASS"));
        QTest::newRow("consumer") << sample("SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md")
                                  << (QStringList(4, QStringLiteral("PASS")) << QStringLiteral("WARN"));
    }

    void showJsonCheckpoints()
    {
        QFETCH(QString, path);
        QFETCH(QStringList, statuses);
        const QJsonObject doc = showJson(path);
        QCOMPARE(doc.value(u"kind").toString(), QStringLiteral("checkpoint-packet"));
        const QJsonArray gates = doc.value(u"facts").toObject().value(u"gates").toArray();
        QCOMPARE(gates.size(), 5);
        QCOMPARE(fieldValues(gates, QStringLiteral("status")), statuses);
    }

    void showJsonMatchesGolden()
    {
        const QByteArray golden = TestSupport::readBytes(data("reference/checkpoint-producer.json"));
        const Run pretty = run({QStringLiteral("show"), QStringLiteral("--json"), QStringLiteral("--pretty"),
            data("input/checkpoint-producer.md")});
        QCOMPARE(pretty.exitCode, 0);
        QCOMPARE(pretty.out, golden);
        // The default is the same document on one line.
        const Run compact =
            run({QStringLiteral("show"), QStringLiteral("--json"), data("input/checkpoint-producer.md")});
        QCOMPARE(compact.exitCode, 0);
        QCOMPARE(compact.out.count('\n'), 1);
        QVERIFY(compact.out.size() < golden.size() * 2 / 3);
        QCOMPARE(QJsonDocument::fromJson(compact.out), QJsonDocument::fromJson(golden));
    }

    void showText()
    {
        const Run result = run({QStringLiteral("show"), data("input/producer-mirror.md")});
        QCOMPARE(result.exitCode, 0);
        QVERIFY(result.out.contains("kind: producer-mirror, side: producer"));
        QVERIFY(result.out.contains("release_tag: v2.1.0  (line 14)"));
    }

    void lint()
    {
        const Run clean = run(
            {QStringLiteral("lint"), data("input/decision-record.md"), data("input/checkpoint-consumer.md")});
        QCOMPARE(clean.exitCode, 0);
        QVERIFY(clean.out.contains("no findings"));

        const QString flawed = data("lint/flawed-record.md");
        const Run findings = run({QStringLiteral("lint"), data("input/decision-record.md"), flawed});
        QCOMPARE(findings.exitCode, 1);
        QVERIFY(
            findings.out.contains((flawed + QStringLiteral(":12: error: commit_sha '3f9c2a7'")).toUtf8()));
        QVERIFY(findings.out.contains((flawed + QStringLiteral(":3: error: Updated '14/03/2026'")).toUtf8()));

        // Trouble outranks findings.
        const Run trouble = run({QStringLiteral("lint"), flawed, data("bad/empty.md")});
        QCOMPARE(trouble.exitCode, 2);
        QVERIFY(trouble.out.contains("commit_sha"));
        QVERIFY(trouble.err.contains(data("bad/empty.md")));
    }

    void digest()
    {
        const Run result = run({QStringLiteral("digest"), data("input/decision-record.md"),
            data("input/variant-crlf.md"), data("input/variant-bom.md"), data("input/producer-mirror.md")});
        QCOMPARE(result.exitCode, 0);
        const QList<QByteArray> lines = result.out.trimmed().split('\n');
        QCOMPARE(lines.size(), 4);
        const auto digestOf = [](const QByteArray &line) { return line.left(line.indexOf(' ')); };
        QCOMPARE(digestOf(lines.at(0)).size(), 64);
        QVERIFY(lines.at(0).endsWith(data("input/decision-record.md").toUtf8()));
        QCOMPARE(digestOf(lines.at(1)), digestOf(lines.at(0)));
        QCOMPARE(digestOf(lines.at(2)), digestOf(lines.at(0)));
        QVERIFY(digestOf(lines.at(3)) != digestOf(lines.at(0)));
    }

    void badInput_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("wording");
        QTest::newRow("missing") << data("bad/no-such-record.md") << "no such file";
        QTest::newRow("directory") << data("bad") << "is a directory";
        QTest::newRow("binary") << data("bad/binary.md") + QString() << ":4: binary content";
        QTest::newRow("invalid utf-8")
            << data("bad/invalid-utf8.md") << ":3: invalid UTF-8 (byte 0xe9 at byte offset 45)";
        QTest::newRow("empty") << data("bad/empty.md") << "is empty";
    }

    void badInput()
    {
        QFETCH(QString, path);
        QFETCH(QString, wording);
        for (const char *command : {"show", "lint", "digest"}) {
            const Run result = run({QString::fromLatin1(command), path});
            QVERIFY(!result.crashed);
            QCOMPARE(result.exitCode, 2);
            QVERIFY2(result.err.startsWith(QStringLiteral("countersign: ") + path), qPrintable(result.err));
            QVERIFY2(result.err.contains(wording), qPrintable(result.err));
        }
    }

    void tooLargeFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("huge.md"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly) && file.resize(40 * 1024 * 1024));
        file.close();
        const Run result = run({QStringLiteral("show"), path});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(
                     path + QStringLiteral(": is 40.0 MiB; Countersign reads files of up to 32 MiB")),
            qPrintable(result.err));
    }

    void unreadableFile()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("locked.md"));
        QVERIFY(TestSupport::writeLockedFile(path));
        // Root reads anything; take away the two capabilities that let it, for the child only.
        const Run result = TestSupport::runWithoutReadOverride({QStringLiteral("show"), path});
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(path + QStringLiteral(": cannot be read")), qPrintable(result.err));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<QString>("wording");
        QTest::newRow("unknown command")
            << QStringList{QStringLiteral("frobnicate")} << "unknown command 'frobnicate'";
        QTest::newRow("show without file") << QStringList{QStringLiteral("show")} << "exactly one FILE";
        QTest::newRow("show, unknown option")
            << QStringList{QStringLiteral("show"), QStringLiteral("--xml"), QStringLiteral("a.md")}
            << "unknown option '--xml'";
        QTest::newRow("pretty without json")
            << QStringList{QStringLiteral("show"), QStringLiteral("--pretty"), QStringLiteral("a.md")}
            << "--pretty goes with --json";
        QTest::newRow("lint without file") << QStringList{QStringLiteral("lint")} << "at least one FILE";
        QTest::newRow("digest, unknown option")
            << QStringList{QStringLiteral("digest"), QStringLiteral("-x")} << "unknown option '-x'";
        QTest::newRow("open, three files") << QStringList{QStringLiteral("open"), QStringLiteral("a"),
                                                  QStringLiteral("b"), QStringLiteral("c")}
                                           << "at most two files";
        QTest::newRow("screenshot without name")
            << QStringList{QStringLiteral("open"), QStringLiteral("--screenshot")}
            << "--screenshot needs a file name";
        QTest::newRow("compare, one file")
            << QStringList{QStringLiteral("compare"), QStringLiteral("a.md")} << "exactly two files";
        QTest::newRow("compare, unknown option")
            << QStringList{QStringLiteral("compare"), QStringLiteral("--xml"), QStringLiteral("a.md"),
                   QStringLiteral("b.md")}
            << "compare: unknown option '--xml'";
        QTest::newRow("check, nothing")
            << QStringList{QStringLiteral("check")} << "at least one file or folder";
        QTest::newRow("check, unknown option")
            << QStringList{QStringLiteral("check"), QStringLiteral("--pretty"), QStringLiteral("x")}
            << "check: unknown option '--pretty'";
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        QFETCH(QString, wording);
        const Run result = run(arguments);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(wording), qPrintable(result.err));
    }

    // diff runs in the executable on Qt Core alone: neither the commands module nor what it brings
    // (Qt Sql, OpenSSL, cmark-gfm) is loaded; lint, in the module, loads them. The dynamic loader's
    // own account (LD_DEBUG=files) says what was loaded.
    void diffLoadsOnlyWhatItUses()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
        const QStringList others = {QStringLiteral("countersign_commands.so"), QStringLiteral("libQt6Sql"),
            QStringLiteral("libcrypto"), QStringLiteral("libcmark-gfm"),
            QStringLiteral("countersign_gui.so")};
        const Run diff = run({QStringLiteral("diff"), data("input/decision-record.md"),
                                 data("input/variant-reordered-renamed.md")},
            environment);
        QCOMPARE(diff.exitCode, 1);
        QVERIFY(diff.out.startsWith("--- "));
        QVERIFY2(diff.err.contains(QStringLiteral("file=libQt6Core.so")), qPrintable(diff.err.left(2000)));
        for (const QString &library : others)
            QVERIFY2(!diff.err.contains(library), qPrintable(library));
        const Run lint = run({QStringLiteral("lint"), data("input/decision-record.md")}, environment);
        QCOMPARE(lint.exitCode, 0);
        for (const QString &library : others.first(4))
            QVERIFY2(lint.err.contains(library), qPrintable(library));
    }

    // The executable alone, without its modules (a broken install): diff still works, and every other
    // command says which module is missing and what to do, with exit 2.
    void aMissingModuleIsNamed()
    {
        QTemporaryDir dir;
        const QString alone = dir.filePath(QStringLiteral("countersign"));
        QVERIFY(QFile::copy(QStringLiteral(COUNTERSIGN_BINARY), alone));
        const auto runAlone = [&](const QStringList &arguments) {
            QProcess process;
            process.setProcessEnvironment(offscreenIn(dir));
            process.start(alone, arguments);
            process.waitForFinished(60000);
            return std::pair{process.exitCode(), QString::fromUtf8(process.readAllStandardError())};
        };
        const auto [diffStatus, diffErr] = runAlone({QStringLiteral("diff"), data("input/decision-record.md"),
            data("input/variant-reordered-renamed.md")});
        QCOMPARE(diffStatus, 1);
        QVERIFY2(diffErr.isEmpty(), qPrintable(diffErr));
        const auto [lintStatus, lintErr] =
            runAlone({QStringLiteral("lint"), data("input/decision-record.md")});
        QCOMPARE(lintStatus, 2);
        QVERIFY2(lintErr.contains(QStringLiteral("cannot load the commands module, which runs 'lint'")) &&
                lintErr.contains(QStringLiteral("countersign_commands.so")) &&
                lintErr.contains(QStringLiteral("Reinstall Countersign")),
            qPrintable(lintErr));
        const auto [openStatus, openErr] = runAlone({data("input/decision-record.md")});
        QCOMPARE(openStatus, 2);
        QVERIFY2(openErr.contains(QStringLiteral("cannot load the window module, which shows the window")),
            qPrintable(openErr));
    }

    void noDisplay()
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        for (const QString &name :
            {QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY"), QStringLiteral("QT_QPA_PLATFORM")})
            environment.remove(name);
        const Run result = run({QStringLiteral("open"), data("input/decision-record.md")}, environment);
        QVERIFY(!result.crashed);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(QStringLiteral("no display")), qPrintable(result.err));
    }

    // The app smoke test: the real binary opens two records and saves a picture of its window. A
    // scripted run leaves the user's settings byte for byte as they were (no recent pair, no layout),
    // and leaves nothing behind in the temporary folder (the copy of the settings it worked on).
    void screenshot()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("window.png"));
        const QString temporary = dir.filePath(QStringLiteral("tmp"));
        QVERIFY(QDir().mkpath(temporary));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("TMPDIR"), temporary);
        environment.remove(QStringLiteral("DISPLAY"));
        environment.remove(QStringLiteral("QT_QPA_PLATFORM"));
        environment.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
        environment.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
        const QString settings = dir.filePath(QStringLiteral("config/Countersign/countersign.conf"));
        QVERIFY(QDir().mkpath(QFileInfo(settings).absolutePath()));
        const QByteArray before = "[view]\ntheme=Breeze Dark\n";
        QVERIFY(TestSupport::writeBytes(settings, before));
        const Run result = run({QStringLiteral("open"), data("input/producer-mirror.md"),
                                   data("input/decision-record.md"), QStringLiteral("--screenshot"), png},
            environment);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(result.out.trimmed().endsWith(png.toUtf8()), result.out.constData());
        const QImage image(png);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 800 && image.height() >= 500);
        // Not a blank picture: text was drawn in more than one colour.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7) {
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        }
        QVERIFY2(colours.size() > 8, qPrintable(QString::number(colours.size())));
        // The theme the settings name was read: the editor's background is Breeze Dark's, dark.
        QVERIFY(QColor(image.pixel(image.width() / 4, image.height() / 2)).lightness() < 128);
        QCOMPARE(TestSupport::readBytes(settings), before);
        QCOMPARE(
            QDir(temporary).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden), QStringList());
    }

    // --color-scheme dark colours the whole window (the menu bar's strip too, not only the panes),
    // and is not remembered; an unknown scheme is refused before any window opens.
    void screenshotInTheDarkScheme()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("window.png"));
        const QProcessEnvironment environment = offscreenIn(dir);
        const QStringList pair{data("input/producer-mirror.md"), data("input/decision-record.md")};
        Run result = run(QStringList{QStringLiteral("open")} + pair +
                QStringList{QStringLiteral("--color-scheme"), QStringLiteral("dark"),
                    QStringLiteral("--screenshot"), png},
            environment);
        QCOMPARE(result.exitCode, 0);
        const QImage image(png);
        QVERIFY(!image.isNull());
        // The menu bar (its right end, where no entry is) and the panes are dark.
        QVERIFY(QColor(image.pixel(image.width() - 5, 5)).lightness() < 80);
        QVERIFY(QColor(image.pixel(image.width() / 4, image.height() / 2)).lightness() < 80);
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("config/Countersign/countersign.conf"))));

        result = run(QStringList{QStringLiteral("open")} + pair +
                QStringList{QStringLiteral("--color-scheme"), QStringLiteral("purple"),
                    QStringLiteral("--screenshot"), png},
            environment);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(
            result.err.contains(QStringLiteral("unknown color scheme 'purple'; use desktop, light or dark")),
            qPrintable(result.err));
    }

    // COUNTERSIGN_TRACE_STARTUP=1 lists the steps of the window's start, in order, with times that
    // never go back; without it, nothing of it is printed.
    void startupTrace()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("window.png"));
        QProcessEnvironment environment = offscreenIn(dir);
        const QStringList arguments{QStringLiteral("open"), data("input/producer-mirror.md"),
            data("input/decision-record.md"), QStringLiteral("--screenshot"), png};
        Run result = run(arguments, environment);
        QCOMPARE(result.exitCode, 0);
        QVERIFY2(!result.err.contains(u"startup:"), qPrintable(result.err));

        environment.insert(QStringLiteral("COUNTERSIGN_TRACE_STARTUP"), QStringLiteral("1"));
        result = run(arguments, environment);
        QCOMPARE(result.exitCode, 0);
        static const QRegularExpression line(QStringLiteral(R"(^startup: +([0-9.]+) ms  (.+)$)"));
        QStringList steps;
        double last = 0;
        for (const QString &text : result.err.split(u'\n', Qt::SkipEmptyParts)) {
            const QRegularExpressionMatch match = line.match(text);
            if (!match.hasMatch())
                continue;
            QVERIFY2(match.captured(1).toDouble() >= last, qPrintable(text));
            last = match.captured(1).toDouble();
            steps.append(match.captured(2));
        }
        QCOMPARE(steps,
            (QStringList{QStringLiteral("QApplication"),
                QStringLiteral("settings, translations, icon, colours"), QStringLiteral("window built"),
                QStringLiteral("files opened"), QStringLiteral("shown"), QStringLiteral("comparison shown"),
                QStringLiteral("screenshot begins"), QStringLiteral("highlighting loaded"),
                QStringLiteral("painted"), QStringLiteral("PNG written")}));
    }

    void screenshotReportsBadFile()
    {
        QTemporaryDir dir;
        const QString png = dir.filePath(QStringLiteral("window.png"));
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        const Run result =
            run({QStringLiteral("open"), data("bad/binary.md"), QStringLiteral("--screenshot"), png},
                environment);
        QVERIFY(!result.crashed);
        QCOMPARE(result.exitCode, 2);
        QVERIFY2(result.err.contains(data("bad/binary.md") + QStringLiteral(":4: binary content")),
            qPrintable(result.err));
    }
    void compareExitCodes_data()
    {
        QTest::addColumn<QString>("left");
        QTest::addColumn<QString>("right");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("headline");
        QTest::newRow("mirror vs consumer sample: aligned")
            << sample("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md")
            << sample("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md") << 0 << "Aligned, with 11 notes.\n";
        QTest::newRow("identical: aligned")
            << data("input/decision-record.md") << data("input/variant-crlf.md") << 0 << "Aligned.\n";
        QTest::newRow("commit_sha drift: blocking")
            << data("input/decision-record.md") << data("compare/drift-commit-sha.md") << 1
            << "Not aligned: 1 blocking difference (commit_sha).\n";
        QTest::newRow("record vs NO-GO checkpoint: blocking")
            << data("input/decision-record.md") << data("compare/checkpoint-consumer-nogo.md") << 1
            << "Not aligned: 2 blocking differences (release_tag, Runtime cutover execution), 1 note.\n";
        QTest::newRow("record without its runtime target: blocking")
            << data("compare/consumer-without-target.md") << data("input/producer-mirror.md") << 1
            << "Not aligned: 5 blocking differences (release_tag, commit_sha, engine_contract_version and 2 "
               "more)";
        QTest::newRow("a README against a record: not comparable")
            << data("compare/not-a-record.md") << data("input/decision-record.md") << 3
            << "Not comparable: not-a-record.md is not a cutover record.\n";
    }

    void compareExitCodes()
    {
        QFETCH(QString, left);
        QFETCH(QString, right);
        QFETCH(int, exitCode);
        QFETCH(QString, headline);
        const Run result = run({QStringLiteral("compare"), left, right});
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.out.startsWith(headline.toUtf8()), result.out.constData());
        QVERIFY(result.err.isEmpty());
    }

    void compareText()
    {
        const Run result = run({QStringLiteral("compare"), data("input/decision-record.md"),
            data("compare/drift-role-holder.md")});
        QCOMPARE(result.exitCode, 1);
        QVERIFY2(
            result.out.contains("blocking Ownership (Named Roles) > Tessera rollback owner role: role holder "
                                "differs\n    left  line 24: Tessera Release Manager\n    right line 24: "
                                "Tessera Release Lead\n"),
            result.out.constData());
    }

    void compareJson()
    {
        const Run result = run({QStringLiteral("compare"), QStringLiteral("--json"),
            sample("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-08.md"),
            sample("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md")});
        QCOMPARE(result.exitCode, 0);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(result.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value(u"aligned").toBool(), true);
        QCOMPARE(root.value(u"left").toObject().value(u"kind").toString(), QStringLiteral("producer-mirror"));
        QCOMPARE(
            root.value(u"right").toObject().value(u"kind").toString(), QStringLiteral("decision-record"));
        QCOMPARE(root.value(u"counts").toObject().value(u"blocking").toInt(), 0);
        QVERIFY(root.value(u"headline").toString().startsWith(u"Aligned, with "));
        QCOMPARE(root.value(u"comparable").toBool(), true);
        QCOMPARE(root.value(u"counts").toObject().value(u"warning").toInt(), 0);
        // The consumer's own third residual risk is a note.
        bool thirdRisk = false;
        for (const QJsonValue &value : root.value(u"findings").toArray()) {
            const QJsonObject finding = value.toObject();
            if (finding.value(u"rightLine").toInt() == 45 && finding.value(u"severity").toString() == u"info")
                thirdRisk = true;
        }
        QVERIFY(thirdRisk);
    }

    void compareNotComparableJson()
    {
        const Run result = run({QStringLiteral("compare"), QStringLiteral("--json"),
            data("input/decision-record.md"), data("compare/not-a-record.md")});
        QCOMPARE(result.exitCode, 3);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(result.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value(u"aligned").toBool(true), false);
        QCOMPARE(root.value(u"comparable").toBool(true), false);
        QCOMPARE(root.value(u"headline").toString(),
            QStringLiteral("Not comparable: not-a-record.md is not a cutover record."));
        const QJsonArray findings = root.value(u"findings").toArray();
        QCOMPARE(findings.size(), 1);
        QCOMPARE(findings.first().toObject().value(u"severity").toString(), QStringLiteral("not-comparable"));
        QCOMPARE(root.value(u"right").toObject().value(u"kind").toString(), QStringLiteral("unknown"));
    }

    void compareBadInput_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("wording");
        QTest::newRow("missing") << data("bad/no-such-record.md") << "no such file";
        QTest::newRow("directory") << data("bad") << "is a directory";
        QTest::newRow("binary") << data("bad/binary.md") << ":4: binary content";
        QTest::newRow("invalid utf-8") << data("bad/invalid-utf8.md") << ":3: invalid UTF-8";
        QTest::newRow("empty") << data("bad/empty.md") << "is empty";
    }

    void compareBadInput()
    {
        QFETCH(QString, path);
        QFETCH(QString, wording);
        for (const bool badOnLeft : {true, false}) {
            const QString good = data("input/decision-record.md");
            const Run result =
                run({QStringLiteral("compare"), badOnLeft ? path : good, badOnLeft ? good : path});
            QVERIFY(!result.crashed);
            QCOMPARE(result.exitCode, 2);
            QVERIFY2(result.err.startsWith(QStringLiteral("countersign: ") + path), qPrintable(result.err));
            QVERIFY2(result.err.contains(wording), qPrintable(result.err));
            QVERIFY(result.out.isEmpty());
        }
        const Run check = run({QStringLiteral("check"), path});
        QVERIFY(!check.crashed);
        QCOMPARE(check.exitCode, 2);
        QVERIFY2(check.err.contains(path), qPrintable(check.err));
    }

    void checkExitCodes_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("headline");
        QTest::newRow("clean") << "clean" << 0 << "Aligned.\n";
        QTest::newRow("target mismatch")
            << "target-mismatch" << 1 << "Not aligned: 1 blocking difference (commit_sha).\n";
        QTest::newRow("GO with a FAIL gate")
            << "go-with-failed-gate" << 1 << "Not aligned: 4 blocking differences (Soak test 24h).\n";
        QTest::newRow("unmentioned WARN") << "unmentioned-warn" << 0 << "Aligned, with 1 warning.\n";
        QTest::newRow("missing role")
            << "missing-role" << 1 << "Not aligned: 2 blocking differences (Harbor Security Reviewer).\n";
        QTest::newRow("missing input") << "missing-input" << 0 << "Aligned, with 1 warning.\n";
        QTest::newRow("unreadable file")
            << "unreadable-file" << 2 << "Incomplete: 1 file could not be read. Aligned.\n";
    }

    void checkExitCodes()
    {
        QFETCH(QString, folder);
        QFETCH(int, exitCode);
        QFETCH(QString, headline);
        const QString path = TestSupport::dataPath(QStringLiteral("cutover/") + folder);
        const Run result = run({QStringLiteral("check"), path});
        QVERIFY(!result.crashed);
        QCOMPARE(result.exitCode, exitCode);
        QVERIFY2(result.out.startsWith(headline.toUtf8()), result.out.constData());
        QCOMPARE(result.err.isEmpty(), exitCode != 2);
        const Run json = run({QStringLiteral("check"), QStringLiteral("--json"), path});
        QCOMPARE(json.exitCode, exitCode);
        QJsonParseError error;
        const QJsonObject root = QJsonDocument::fromJson(json.out, &error).object();
        QCOMPARE(error.error, QJsonParseError::NoError);
        QCOMPARE(root.value(u"headline").toString() + u'\n', headline);
        QCOMPARE(root.value(u"errors").toArray().isEmpty(), exitCode != 2);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
