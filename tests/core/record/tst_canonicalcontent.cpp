// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// CanonicalContent: the digest rules. Expected digests are computed here with QCryptographicHash
// over hand-written canonical text, never taken from the code under test.
#include "record/canonicalcontent.h"
#include "record/documentloader.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QTest>

using namespace Countersign;

namespace {

QString sha256(const QByteArray &bytes)
{
    return QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QString digestOfFile(const QString &relative)
{
    const Result<SourceText> source = DocumentLoader::readText(TestSupport::dataPath(relative));
    if (!source)
        qFatal("%s", qPrintable(source.error().toString()));
    return CanonicalContent::digest(source->text());
}

} // namespace

class TestCanonicalContent : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void canonicalForm_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("canonical");
        QTest::newRow("already canonical") << "# A\n\nb\n"
                                           << "# A\n\nb\n";
        QTest::newRow("crlf") << "# A\r\n\r\nb\r\n"
                              << "# A\n\nb\n";
        QTest::newRow("lone cr") << "# A\r\rb\r"
                                 << "# A\n\nb\n";
        QTest::newRow("no final newline") << "# A\nb"
                                          << "# A\nb\n";
        QTest::newRow("many final newlines") << "# A\nb\n\n\n\n"
                                             << "# A\nb\n";
        QTest::newRow("trailing blanks") << "Updated: x  \nOwner:\ty\t\n"
                                         << "Updated: x\nOwner:\ty\n";
        QTest::newRow("leading blanks kept") << "  - a\n\tb\n"
                                             << "  - a\n\tb\n";
        QTest::newRow("bom") << QStringLiteral("\uFEFF# A\n") << "# A\n";
        QTest::newRow("empty") << ""
                               << "";
        QTest::newRow("blank only") << "\n  \n\t\n"
                                    << "";
        QTest::newRow("sign-off block excluded") << "# A\nbody\n\n<!-- countersign:signoff-begin -->\n## "
                                                    "Sign-off\n| r | s |\n<!-- countersign:signoff-end -->\n"
                                                 << "# A\nbody\n";
        QTest::newRow("sign-off block in the middle")
            << "a\n<!-- countersign:signoff-begin -->\nx\n<!-- countersign:signoff-end -->\nb\n"
            << "a\nb\n";
        QTest::newRow("unterminated sign-off block counts")
            << "a\n<!-- countersign:signoff-begin -->\nhidden?\n"
            << "a\n<!-- countersign:signoff-begin -->\nhidden?\n";
    }

    void canonicalForm()
    {
        QFETCH(QString, text);
        QFETCH(QString, canonical);
        QCOMPARE(CanonicalContent::canonicalText(text), canonical);
        QCOMPARE(CanonicalContent::digest(text), sha256(canonical.toUtf8()));
    }

    // Large texts' digests are remembered; a remembered digest is given only for an equal text: a text
    // of the same size that differs in one character, or one edited in place after it was digested,
    // gets its own digest.
    void rememberedDigestsNeedAnEqualText()
    {
        QString text;
        for (int i = 0; text.size() < 100000; ++i)
            text += QStringLiteral("%1. Verification step %1 passed on node %2.\n").arg(i).arg(i % 97);
        const QString first = CanonicalContent::digest(text);
        QCOMPARE(first, sha256(CanonicalContent::canonicalText(text).toUtf8()));
        QCOMPARE(CanonicalContent::digest(text), first);
        const QString copy(text.constData(), text.size()); // equal, in other memory
        QCOMPARE(CanonicalContent::digest(copy), first);

        QString edited = text;
        edited[500] = edited[500] == u'7' ? u'8' : u'7';
        QCOMPARE(edited.size(), text.size());
        const QString other = CanonicalContent::digest(edited);
        QVERIFY(other != first);
        QCOMPARE(other, sha256(CanonicalContent::canonicalText(edited).toUtf8()));
        text[500] = edited[500]; // the remembered text's own data, changed (it detaches from the copy kept)
        QCOMPARE(CanonicalContent::digest(text), other);
    }

    void knownDigest()
    {
        // From sha256sum: `printf '' | sha256sum` and `printf '# A\n' | sha256sum`.
        QCOMPARE(CanonicalContent::digest(u""),
            QStringLiteral("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        const QString hashA =
            QStringLiteral("aa1237b773c38dbddef583c4868aaea7a44c5237ea7923aecca5513764b42d80");
        QCOMPARE(CanonicalContent::digest(u"# A\n"), hashA);
        QCOMPARE(CanonicalContent::digest(u"# A\r\n\r\n"), hashA);
        QCOMPARE(CanonicalContent::digest(u"\uFEFF# A  "), hashA);
    }

    void sameRecordSameDigest_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::newRow("crlf") << "input/variant-crlf.md";
        QTest::newRow("bom") << "input/variant-bom.md";
    }

    void sameRecordSameDigest()
    {
        QFETCH(QString, variant);
        QCOMPARE(digestOfFile(variant), digestOfFile(QStringLiteral("input/decision-record.md")));
    }

    void contentChangeChangesDigest_data()
    {
        QTest::addColumn<QString>("edited");
        const QString base = QString::fromUtf8(
            TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md"))));
        QTest::newRow("one hex digit of the commit")
            << QString(base).replace(QStringLiteral("3f9c2a7d5e"), QStringLiteral("3f9c2a7d5f"));
        QTest::newRow("GO to NO-GO") << QString(base).replace(
            QStringLiteral("execution: **GO**"), QStringLiteral("execution: **NO-GO**"));
        QTest::newRow("bullet style")
            << QString(base).replace(QStringLiteral("- release_tag"), QStringLiteral("* release_tag"));
        QTest::newRow("leading indentation")
            << QString(base).replace(QStringLiteral("- Phase 3"), QStringLiteral(" - Phase 3"));
        QTest::newRow("blank line inserted") << QString(base).replace(
            QStringLiteral("## Decision Inputs"), QStringLiteral("\n## Decision Inputs"));
        QTest::newRow("inner space") << QString(base).replace(
            QStringLiteral("Release Manager"), QStringLiteral("Release  Manager"));
    }

    void contentChangeChangesDigest()
    {
        QFETCH(QString, edited);
        const QString base = QString::fromUtf8(
            TestSupport::readBytes(TestSupport::dataPath(QStringLiteral("input/decision-record.md"))));
        QVERIFY(edited != base);
        QVERIFY(CanonicalContent::digest(edited) != CanonicalContent::digest(base));
    }
};

QTEST_GUILESS_MAIN(TestCanonicalContent)
#include "tst_canonicalcontent.moc"
