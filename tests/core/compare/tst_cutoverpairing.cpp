// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// CutoverPairing: which documents of two teams' folders are read side by side, with their finalized
// exports and what the window's comparison says of each pair.
#include "compare/cutoverpairing.h"
#include "compare/structuralcompare.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;

namespace Countersign {
inline char *toString(const DocumentPair &pair)
{
    QStringList exports;
    for (const PairExport &exported : pair.exports) {
        exports.append(QStringLiteral("%1 of %2 (same content %3, state %4 %5)")
                .arg(exported.file, exported.record)
                .arg(exported.sameContent)
                .arg(int(exported.state))
                .arg(exported.problem));
    }
    return QTest::toString(QStringLiteral("%1 kind %2: %3 | %4, state %5, exports [%6]")
            .arg(pair.date)
            .arg(int(pair.kind))
            .arg(pair.left, pair.right)
            .arg(int(pair.state))
            .arg(exports.join(QStringLiteral("; "))));
}
} // namespace Countersign

class TestCutoverPairing : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void pairsTheTwoTeamsFolders()
    {
        const QString root = TestSupport::dataPath(QStringLiteral("cutover/clean/"));
        const QList<DocumentPair> pairs = CutoverPairing::scan(
            {root + QStringLiteral("Tessera/docs"), root + QStringLiteral("Harbor/docs")});
        QCOMPARE(pairs.size(), 2);
        QCOMPARE(pairs.at(0).date, QStringLiteral("2026-03-14"));
        QCOMPARE(pairs.at(0).kind, DocumentPair::Kind::DecisionRecord);
        QVERIFY(pairs.at(0).left.endsWith(
            QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-03-14.md")));
        QVERIFY(pairs.at(0).right.endsWith(
            QStringLiteral("Harbor/docs/implementation/RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md")));
        QCOMPARE(pairs.at(1).kind, DocumentPair::Kind::CheckpointPackets);
        QVERIFY(
            pairs.at(1).left.endsWith(QStringLiteral("ENGINE_V2_CUTOVER_CHECKPOINT_PRODUCER_2026-03-14.md")));
        QVERIFY(pairs.at(1).right.endsWith(QStringLiteral("ENGINE_V2_CUTOVER_CHECKPOINT_2026-03-14.md")));
    }

    // The folders may be given either way round: the producer's documents still go left.
    void orderOfFoldersDoesNotMatter()
    {
        const QString root = TestSupport::dataPath(QStringLiteral("cutover/clean/"));
        const QList<DocumentPair> a =
            CutoverPairing::scan({root + QStringLiteral("Tessera"), root + QStringLiteral("Harbor")});
        const QList<DocumentPair> b =
            CutoverPairing::scan({root + QStringLiteral("Harbor"), root + QStringLiteral("Tessera")});
        QCOMPARE(a, b);
    }

    // One team's folder alone: its documents are listed, each without a partner, on its own side.
    void aDocumentWithoutPartnerIsListedAlone()
    {
        const QString root = TestSupport::dataPath(QStringLiteral("cutover/clean/"));
        const QList<DocumentPair> pairs = CutoverPairing::scan({root + QStringLiteral("Harbor")});
        QCOMPARE(pairs.size(), 2);
        for (const DocumentPair &pair : pairs) {
            QVERIFY(!pair.isPaired());
            QVERIFY(pair.left.isEmpty());
            QVERIFY(pair.right.contains(QStringLiteral("/Harbor/")));
        }
        QCOMPARE(pairs.at(0).kind, DocumentPair::Kind::DecisionRecord);
        QCOMPARE(pairs.at(1).kind, DocumentPair::Kind::CheckpointPackets);
    }

    // Three cutovers: per date the decision record pair, then the checkpoint pair, each followed by
    // what of its kind has no partner; the addendum is not listed.
    void severalCutoversWithUnpairedDocuments()
    {
        const QString root = TestSupport::dataPath(QStringLiteral("cutover/several-cutovers/"));
        const QList<DocumentPair> pairs = CutoverPairing::scan(
            {root + QStringLiteral("Tessera/docs"), root + QStringLiteral("Harbor/docs")});
        QStringList digest;
        for (const DocumentPair &pair : pairs) {
            digest.append(QStringLiteral("%1 %2 %3 | %4")
                    .arg(pair.date,
                        pair.kind == DocumentPair::Kind::DecisionRecord ? QStringLiteral("record")
                                                                        : QStringLiteral("checkpoint"),
                        QFileInfo(pair.left).fileName(), QFileInfo(pair.right).fileName()));
        }
        QCOMPARE(digest,
            (QStringList{
                QStringLiteral(
                    "2026-02-19 record RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-19.md | "
                    "RUNTIME_CUTOVER_DECISION_RECORD_2026-02-19.md"),
                QStringLiteral("2026-02-19 checkpoint  | ENGINE_V2_CUTOVER_CHECKPOINT_2026-02-19.md"),
                QStringLiteral(
                    "2026-03-14 record RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-03-14.md | "
                    "RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md"),
                QStringLiteral("2026-03-14 checkpoint ENGINE_V2_CUTOVER_CHECKPOINT_PRODUCER_2026-03-14.md | "
                               "ENGINE_V2_CUTOVER_CHECKPOINT_2026-03-14.md"),
                QStringLiteral(
                    "2026-04-02 record RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-04-02.md | "),
                QStringLiteral("2026-04-02 checkpoint ENGINE_V2_CUTOVER_CHECKPOINT_PRODUCER_2026-04-02.md | "
                               "ENGINE_V2_CUTOVER_CHECKPOINT_2026-04-02.md"),
            }));
    }

    // A finalized export (the golden export of the clean record, named as the window names it) goes
    // with the record it was exported from, never as an unpaired decision record, and is final as
    // `verify` finds it with the data's trust folder; each pair's state is what the window's
    // comparison says.
    void aFinalizedExportGoesWithItsRecord()
    {
        const QString root = TestSupport::dataPath(QStringLiteral("cutover/finalized/"));
        const QString harbor = root + QStringLiteral("Harbor/docs/implementation/");
        const QString tessera = root + QStringLiteral("Tessera/docs/implementation/");
        const QList<DocumentPair> pairs = CutoverPairing::scan(
            {root + QStringLiteral("Tessera/docs"), root + QStringLiteral("Harbor/docs")});
        QCOMPARE(pairs,
            (QList<DocumentPair>{
                {QStringLiteral("2026-02-19"), DocumentPair::Kind::DecisionRecord,
                    tessera + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-02-19.md"),
                    harbor + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-02-19.md"), {},
                    DocumentPair::State::NotAligned},
                {QStringLiteral("2026-03-14"), DocumentPair::Kind::DecisionRecord,
                    tessera + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-03-14.md"),
                    harbor + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md"),
                    {{harbor + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14_FINAL.md"),
                        harbor + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md"), true,
                        CutoverCheck::ExportState::Final, {}}},
                    DocumentPair::State::Aligned},
            }));
        QVERIFY(pairs.at(1).exports.first().isCurrentFinal());
        // The states are the banner's: the window's comparison of the same two files.
        for (const DocumentPair &pair : pairs) {
            const CompareSummary summary = CompareSummary::of(
                StructuralCompare::compare(TestSupport::load(pair.left), TestSupport::load(pair.right)));
            QCOMPARE(pair.state == DocumentPair::State::Aligned, summary.isAligned());
        }
        // Listed, the pairs are not compared yet.
        const QList<DocumentPair> listed = CutoverPairing::pairs(CutoverCheck::run({root}));
        QCOMPARE(listed.size(), 2);
        QCOMPARE(listed.at(1).state, DocumentPair::State::NotCompared);
        QCOMPARE(listed.at(1).exports.size(), 1);
    }

    // Without its record, an export is listed on its own as one, on its record's side; under another
    // name it is still found by its content; once the record changes, it is no longer current.
    void exportsWithoutTheirRecordsName()
    {
        QTemporaryDir dir;
        const QString root =
            TestSupport::dataPath(QStringLiteral("cutover/finalized/Harbor/docs/implementation/"));
        const QByteArray exported = TestSupport::readBytes(
            root + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14_FINAL.md"));
        const QByteArray record =
            TestSupport::readBytes(root + QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md"));
        const QString signedCopy = dir.filePath(QStringLiteral("signed.md"));
        QVERIFY(TestSupport::writeBytes(signedCopy, exported));

        QList<DocumentPair> pairs = CutoverPairing::scan({dir.path()});
        QCOMPARE(pairs,
            (QList<DocumentPair>{
                {QStringLiteral("2026-03-14"), DocumentPair::Kind::FinalizedExport, {}, signedCopy, {}}}));

        const QString recordFile =
            dir.filePath(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md"));
        QVERIFY(TestSupport::writeBytes(recordFile, record));
        pairs = CutoverPairing::scan({dir.path()});
        QCOMPARE(pairs.size(), 1);
        QCOMPARE(pairs.first().kind, DocumentPair::Kind::DecisionRecord);
        QCOMPARE(pairs.first().right, recordFile);
        // No trust folder says who may sign: not called final, whatever the banner says.
        using State = CutoverCheck::ExportState;
        QCOMPARE(pairs.first().exports,
            (QList<PairExport>{{signedCopy, recordFile, true, State::SignersUnchecked, {}}}));
        QVERIFY(!pairs.first().exports.first().isCurrentFinal());
        // A trust folder whose policy lets unsigned sign-offs count: verified, final.
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral(".countersign")));
        QVERIFY(TestSupport::writeBytes(dir.filePath(QStringLiteral(".countersign/allowed_signers")), {}));
        QVERIFY(TestSupport::writeBytes(
            dir.filePath(QStringLiteral(".countersign/policy")), "unsigned-sign-offs = allowed\n"));
        pairs = CutoverPairing::scan({dir.path()});
        QCOMPARE(
            pairs.first().exports, (QList<PairExport>{{signedCopy, recordFile, true, State::Final, {}}}));
        QVERIFY(pairs.first().exports.first().isCurrentFinal());
        // A row changed by hand (its digest no longer the content's): it does not verify, and says why.
        QVERIFY(TestSupport::writeBytes(signedCopy,
            QByteArray(exported).replace("| Ben Okafor | approve | 2026-03-14T09:31:00.000Z | b140674e1bf5 |",
                "| Ben Okafor | approve | 2026-03-14T09:31:00.000Z | 00000000aaaa |")));
        pairs = CutoverPairing::scan({dir.path()});
        QCOMPARE(pairs.first().exports.size(), 1);
        QCOMPARE(pairs.first().exports.first().state, State::DoesNotVerify);
        QVERIFY2(pairs.first().exports.first().problem.contains(u"00000000aaaa"),
            qPrintable(pairs.first().exports.first().problem));
        QVERIFY(TestSupport::writeBytes(signedCopy, exported));

        QVERIFY(TestSupport::writeBytes(recordFile, QByteArray(record).replace("**GO**", "**NO-GO**")));
        pairs = CutoverPairing::scan({dir.path()});
        QCOMPARE(pairs.size(), 2); // the record changed: found by content no more, the export is alone
        QCOMPARE(pairs.at(1).kind, DocumentPair::Kind::FinalizedExport);
        const QString named =
            dir.filePath(QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14_FINAL.md"));
        QVERIFY(QFile::rename(signedCopy, named));
        pairs = CutoverPairing::scan({dir.path()});
        QCOMPARE(pairs.size(), 1); // by name it is the record's, exported before the change
        QCOMPARE(pairs.first().exports, (QList<PairExport>{{named, recordFile, false, State::Final, {}}}));
    }
};

QTEST_GUILESS_MAIN(TestCutoverPairing)
#include "tst_cutoverpairing.moc"
