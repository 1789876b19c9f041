// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// CutoverPairing: which documents of two teams' folders are read side by side.
#include "compare/cutoverpairing.h"
#include "testsupport.h"

#include <QFileInfo>
#include <QTest>

using namespace Countersign;

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
};

QTEST_GUILESS_MAIN(TestCutoverPairing)
#include "tst_cutoverpairing.moc"
