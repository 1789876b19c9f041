// CutoverPairing: which documents of two teams' folders are read side by side.
#include "cutoverpairing.h"
#include "testsupport.h"

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
        QCOMPARE(pairs.at(0).what, QStringLiteral("decision record"));
        QVERIFY(pairs.at(0).left.endsWith(
            QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR_2026-03-14.md")));
        QVERIFY(pairs.at(0).right.endsWith(
            QStringLiteral("Harbor/docs/implementation/RUNTIME_CUTOVER_DECISION_RECORD_2026-03-14.md")));
        QCOMPARE(pairs.at(1).what, QStringLiteral("checkpoint packets"));
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

    void aDocumentWithoutPartnerIsLeftOut()
    {
        const QString root = TestSupport::dataPath(QStringLiteral("cutover/clean/"));
        QVERIFY(CutoverPairing::scan({root + QStringLiteral("Harbor")}).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCutoverPairing)
#include "tst_cutoverpairing.moc"
