// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// bench_verify: what checking signatures adds to `countersign verify`. Run on demand; not a CTest
// test.
//
//   packaging/buildroot.sh build && packaging/buildroot.sh exec build/default/tests/benchmarks/bench_verify
//
// Makes five throwaway Ed25519 keys (ssh-keygen), a trust folder listing them, and two finalized
// exports of the same record: one with five unsigned approvals (what verify checked before
// signatures) and one with five signed approvals. Then times, for each, FinalizedRecord::verify in
// process (median of --runs N calls, default 300, after 20 untimed) and the whole command,
// `countersign verify FILE` (median of 21 runs: process start, reading, checking). Prints the figures
// in milliseconds and the difference. Exit status 0; 2 when the setup fails.
#include "export/finalizedrecord.h"
#include "ledger/signoffrules.h"
#include "record/markdownparser.h"
#include "signing/recordtrust.h"
#include "signing/signoffstatement.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <vector>

namespace {

using namespace Countersign;

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values.at(values.size() / 2);
}

bool runTool(const QString &program, const QStringList &arguments, const QByteArray &input, QByteArray *out)
{
    QProcess process;
    process.start(program, arguments);
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitCode() != 0)
        return false;
    if (out)
        *out = process.readAllStandardOutput();
    return true;
}

// Milliseconds per FinalizedRecord::verify of `text`.
double inProcess(const QString &text, const RecordTrust &trust, int runs)
{
    for (int i = 0; i < 20; ++i)
        (void)FinalizedRecord::verify(text, {}, &trust);
    std::vector<double> times;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer timer;
        timer.start();
        const Result<FinalizedRecord::Verification> verified = FinalizedRecord::verify(text, {}, &trust);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (!verified || !verified->isValid() || !verified->isFinal())
            std::fprintf(stderr, "bench_verify: the export does not verify\n");
    }
    return median(times);
}

// Milliseconds per `countersign verify FILE --signers DIR`, process start included.
double command(const QString &file, const QString &signers)
{
    std::vector<double> times;
    for (int i = 0; i < 21; ++i) {
        QElapsedTimer timer;
        timer.start();
        QProcess process;
        process.start(QStringLiteral(COUNTERSIGN_BINARY),
            {QStringLiteral("verify"), file, QStringLiteral("--signers"), signers});
        process.waitForFinished(60000);
        times.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (process.exitCode() != 0)
            std::fprintf(stderr, "bench_verify: countersign verify failed: %s\n",
                process.readAllStandardError().constData());
    }
    return median(times);
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments().mid(1);
    const int runs = arguments.size() == 2 && arguments.first() == u"--runs" ? arguments.at(1).toInt() : 300;
    QTemporaryDir dir;
    const Result<Document> record = MarkdownParser::parseFile(
        QStringLiteral(COUNTERSIGN_SOURCE_DIR "/tests/data/input/decision-record.md"));
    if (!dir.isValid() || !record) {
        std::fprintf(stderr, "bench_verify: cannot set up\n");
        return 2;
    }
    // Five keys, one for each role, in a trust folder.
    const QList<FactField> roles = SignOffRules::roles(RecordFacts::extract(record.value()));
    QString allowed;
    QString grants;
    QList<SignOffEntry> unsignedEntries;
    QList<SignOffEntry> signedEntries;
    QString previous;
    for (qsizetype i = 0; i < roles.size(); ++i) {
        const QString key = dir.filePath(QStringLiteral("key%1").arg(i));
        const QString principal = QStringLiteral("signer%1@example.org").arg(i);
        QByteArray publicKey;
        if (!runTool(QStringLiteral("ssh-keygen"),
                {QStringLiteral("-q"), QStringLiteral("-t"), QStringLiteral("ed25519"), QStringLiteral("-N"),
                    QString(), QStringLiteral("-f"), key},
                {}, nullptr) ||
            !runTool(QStringLiteral("cat"), {key + QStringLiteral(".pub")}, {}, &publicKey)) {
            std::fprintf(stderr, "bench_verify: ssh-keygen failed\n");
            return 2;
        }
        allowed += principal + u' ' + QString::fromUtf8(publicKey).section(u' ', 0, 1) + u'\n';
        grants += roles.at(i).key + QStringLiteral(" = ") + principal + u'\n';
        SignOffEntry entry = SignOffEntry::now(record.value(), QStringLiteral("bench:record.md"),
            roles.at(i).key, QStringLiteral("Signer %1").arg(i + 1), SignOffDecision::Approve);
        unsignedEntries.append(entry);
        entry.principal = principal;
        entry.previousHash = previous;
        entry.statement = SignOffStatement::text(entry, roles.at(i).value);
        QByteArray signature;
        if (!runTool(QStringLiteral("ssh-keygen"),
                {QStringLiteral("-q"), QStringLiteral("-Y"), QStringLiteral("sign"), QStringLiteral("-n"),
                    SignOffStatement::nameSpace.toString(), QStringLiteral("-f"), key},
                entry.statement.toUtf8(), &signature)) {
            std::fprintf(stderr, "bench_verify: signing failed\n");
            return 2;
        }
        entry.signature = QString::fromUtf8(signature);
        previous = entry.computeHash();
        signedEntries.append(entry);
    }
    const QString trustFolder = dir.filePath(QStringLiteral(".countersign"));
    QDir().mkpath(trustFolder);
    for (const auto &[name, text] :
        {std::pair{QStringLiteral("allowed_signers"), allowed}, std::pair{QStringLiteral("roles"), grants}}) {
        QFile file(QDir(trustFolder).filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0)
            return 2;
    }
    const RecordTrust trust = RecordTrust::of(dir.filePath(QStringLiteral("x.md")), trustFolder).value();
    const RecordTrust open; // no trust folder: unsigned approvals count, as before signatures
    const QDateTime exported = QDateTime::currentDateTimeUtc();
    const FinalizedRecord::Provenance provenance{QStringLiteral("bench:record.md"), {5, previous}};
    const QString unsignedExport = QString::fromUtf8(FinalizedRecord::build(record.value(),
        SignOffRules::evaluate(record.value(), unsignedEntries, open), exported, false, {}, provenance)
            .value());
    const QString signedExport = QString::fromUtf8(FinalizedRecord::build(record.value(),
        SignOffRules::evaluate(record.value(), signedEntries, trust), exported, false, {}, provenance)
            .value());
    const QString unsignedFile = dir.filePath(QStringLiteral("UNSIGNED.md"));
    const QString signedFile = dir.filePath(QStringLiteral("SIGNED.md"));
    for (const auto &[path, text] :
        {std::pair{unsignedFile, unsignedExport}, std::pair{signedFile, signedExport}}) {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0)
            return 2;
    }
    const double unsignedMs = inProcess(unsignedExport, open, runs);
    const double signedMs = inProcess(signedExport, trust, runs);
    // An empty trust folder of its own for the unsigned file's command run, with unsigned allowed.
    const QString openFolder = dir.filePath(QStringLiteral("open/.countersign"));
    QDir().mkpath(openFolder);
    for (const auto &[name, text] : {std::pair{QStringLiteral("allowed_signers"), QString()},
             std::pair{QStringLiteral("policy"), QStringLiteral("unsigned-sign-offs = allowed\n")}}) {
        QFile file(QDir(openFolder).filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0)
            return 2;
    }
    const double unsignedCommand = command(unsignedFile, openFolder);
    const double signedCommand = command(signedFile, trustFolder);
    std::printf("FinalizedRecord::verify, median of %d:\n", runs);
    std::printf("  5 unsigned approvals      %8.3f ms\n", unsignedMs);
    std::printf("  5 signed approvals        %8.3f ms  (+%.3f ms)\n", signedMs, signedMs - unsignedMs);
    std::printf("countersign verify FILE --signers DIR, median of 21 (process start included):\n");
    std::printf("  5 unsigned approvals      %8.3f ms\n", unsignedCommand);
    std::printf(
        "  5 signed approvals        %8.3f ms  (+%.3f ms)\n", signedCommand, signedCommand - unsignedCommand);
    return 0;
}
