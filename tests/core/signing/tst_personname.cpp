// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// PersonName: one person under many spellings (case, width, invisible characters, look-alike letters
// from other scripts, initials) is one person; different people stay different; control and bidi
// characters are found where a name or comment may not hold them.
#include "signing/personname.h"

#include <QTest>

#include <thread>
#include <vector>

using namespace Countersign;
using namespace Qt::StringLiterals;

namespace {

// -1 for none, to compare positions readably.
qsizetype forbiddenAt(const QString &text, bool lineBreaksAllowed)
{
    return PersonName::forbiddenCharacter(text, lineBreaksAllowed).value_or(-1);
}

} // namespace

class TestPersonName : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void samePerson_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        const QString ana = u"Ana Ruiz"_s;
        // The spellings of one person that the issue lists.
        QTest::newRow("plain") << ana << u"Ana Ruiz"_s;
        QTest::newRow("zero-width space between the words") << ana << u"Ana\u200bRuiz"_s;
        QTest::newRow("zero-width space inside a word") << ana << u"An\u200ba Ruiz"_s;
        QTest::newRow("zero-width space after the space") << ana << u"Ana \u200bRuiz"_s;
        QTest::newRow("Cyrillic A") << ana << u"\u0410na Ruiz"_s;
        QTest::newRow("initial with a dot") << ana << u"A. Ruiz"_s;
        // More of the same person.
        QTest::newRow("lower case") << ana << u"ana ruiz"_s;
        QTest::newRow("upper case") << ana << u"ANA RUIZ"_s;
        QTest::newRow("fullwidth") << ana << u"\uff21\uff4e\uff41 \uff32\uff55\uff49\uff5a"_s;
        QTest::newRow("fullwidth space") << ana << u"Ana\u3000Ruiz"_s;
        QTest::newRow("no-break space") << ana << u"Ana\u00a0Ruiz"_s;
        QTest::newRow("runs of white space") << ana << u"  Ana \t\u2003 Ruiz  "_s;
        QTest::newRow("soft hyphen") << ana << u"Ana Ru\u00adiz"_s;
        QTest::newRow("zero-width joiner") << ana << u"An\u200da Ruiz"_s;
        QTest::newRow("word joiner") << ana << u"Ana Rui\u2060z"_s;
        QTest::newRow("variation selector") << ana << u"Ana\ufe0f Ruiz"_s;
        QTest::newRow("left-to-right mark") << ana << u"\u200eAna Ruiz"_s;
        QTest::newRow("byte order mark") << ana << u"\ufeffAna Ruiz"_s;
        QTest::newRow("without the space") << ana << u"AnaRuiz"_s;
        QTest::newRow("Cyrillic everywhere it looks alike")
            << u"Paco Oca"_s << u"\u0420\u0430\u0441\u043e \u041e\u0441\u0430"_s;
        QTest::newRow("Greek capital Rho") << u"Paul"_s << u"\u03a1aul"_s;
        QTest::newRow("Greek small rho") << u"paul"_s << u"\u03c1aul"_s;
        QTest::newRow("Greek capitals") << u"Paul"_s << u"\u03a1\u0391UL"_s;
        QTest::newRow("digit one for l") << u"Paul"_s << u"Pau1"_s;
        QTest::newRow("decomposed accent") << u"Jos\u00e9 Ruiz"_s << u"Jose\u0301 Ruiz"_s;
        QTest::newRow("ligature") << u"Effi Ruiz"_s << u"E\ufb03 Ruiz"_s;
        // Initials.
        QTest::newRow("initial without a dot") << ana << u"A Ruiz"_s;
        QTest::newRow("initial first") << u"a. ruiz"_s << u"ANA RUIZ"_s;
        QTest::newRow("Cyrillic initial") << ana << u"\u0410. Ruiz"_s;
        QTest::newRow("fullwidth initial") << ana << u"\uff21. Ruiz"_s;
        QTest::newRow("two initials") << u"Ana Bel\u00e9n Ruiz"_s << u"A. B. Ruiz"_s;
        QTest::newRow("initials on both sides") << u"Ana B. Ruiz"_s << u"A. Bel\u00e9n Ruiz"_s;
        QTest::newRow("accented initial") << u"\u00c1lvaro Ruiz"_s << u"\u00c1. Ruiz"_s;
        QTest::newRow("initial of a letter with a wide skeleton") << u"Mia Ruiz"_s << u"M. Ruiz"_s;
        QTest::newRow("dot with a space before it") << ana << u"A . Ruiz"_s;
    }

    void samePerson()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QVERIFY(PersonName::samePerson(a, b));
        QVERIFY(PersonName::samePerson(b, a));
    }

    void differentPeople_data()
    {
        QTest::addColumn<QString>("a");
        QTest::addColumn<QString>("b");
        const QString ana = u"Ana Ruiz"_s;
        QTest::newRow("one letter of the surname") << ana << u"Ana Ruis"_s;
        QTest::newRow("surname alone") << ana << u"Ruiz"_s;
        QTest::newRow("another initial") << ana << u"B. Ruiz"_s;
        QTest::newRow("another first name") << ana << u"Eva Ruiz"_s;
        QTest::newRow("another person") << ana << u"Ben Okafor"_s;
        QTest::newRow("a middle name more") << ana << u"Ana Mar\u00eda Ruiz"_s;
        QTest::newRow("initial of the surname") << ana << u"Ana R."_s;
        QTest::newRow("first name alone") << ana << u"Ana"_s;
        QTest::newRow("initial against initial") << u"A. Ruiz"_s << u"B. Ruiz"_s;
        QTest::newRow("initial is not a prefix") << u"An Ruiz"_s << ana;
        QTest::newRow("accent is a different letter") << u"\u00c1. Ruiz"_s << ana;
        QTest::newRow("a letter more") << u"Paul"_s << u"Paula"_s;
        QTest::newRow("empty and a name") << QString() << ana;
    }

    void differentPeople()
    {
        QFETCH(QString, a);
        QFETCH(QString, b);
        QVERIFY(!PersonName::samePerson(a, b));
        QVERIFY(!PersonName::samePerson(b, a));
    }

    void keyIsTheSameForOneSpelling()
    {
        const QString key = PersonName::key(u"Ana Ruiz"_s);
        QVERIFY(!key.isEmpty());
        QCOMPARE(PersonName::key(u" ana\u00a0 RUIZ "_s), key);
        QCOMPARE(PersonName::key(u"\u0410na R\u00adu\u200biz"_s), key);
        QCOMPARE(PersonName::key(u"\uff21\uff4e\uff41 \uff32\uff55\uff49\uff5a"_s), key);
        // Invisible characters are removed, not taken for spaces.
        QCOMPARE(PersonName::key(u"Ana\u200bRuiz"_s), PersonName::key(u"AnaRuiz"_s));
        QVERIFY(PersonName::key(u"Ana Ruis"_s) != key);
        QCOMPARE(PersonName::key(QString()), QString());
        QCOMPARE(PersonName::key(u" \t\u200b "_s), QString());
        // One space between words and none at the ends, whatever the white space was.
        QCOMPARE(PersonName::key(u"\u2003a \n\t b\u3000"_s).count(u' '), 1);
    }

    void keyIsThreadSafe()
    {
        const QStringList names{
            u"Ana Ruiz"_s, u"\u0410na Ruiz"_s, u"\u03a1aul"_s, u"Ben Okafor"_s, u"\uff2d\uff49\uff41"_s};
        QStringList expected;
        for (const QString &name : names)
            expected.append(PersonName::key(name));
        std::vector<std::thread> threads;
        std::vector<int> mismatches(8, 0);
        for (int t = 0; t < 8; ++t) {
            threads.emplace_back([&, t] {
                for (int round = 0; round < 200; ++round) {
                    for (qsizetype i = 0; i < names.size(); ++i) {
                        if (PersonName::key(names.at(i)) != expected.at(i))
                            ++mismatches[t];
                    }
                }
            });
        }
        for (std::thread &thread : threads)
            thread.join();
        for (const int count : mismatches)
            QCOMPARE(count, 0);
    }

    void forbiddenCharacter_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("lineBreaksAllowed");
        QTest::addColumn<qsizetype>("position");
        QTest::newRow("plain name") << u"Ana Ruiz"_s << false << qsizetype(-1);
        QTest::newRow("empty") << QString() << false << qsizetype(-1);
        QTest::newRow("escape") << u"Ana\x1b[2JRuiz"_s << false << qsizetype(3);
        QTest::newRow("escape in a comment") << u"ok\n\x1b[31m"_s << true << qsizetype(3);
        QTest::newRow("bell") << u"\aAna"_s << false << qsizetype(0);
        QTest::newRow("nul") << QString(u"Ana"_s + QChar(0)) << false << qsizetype(3);
        QTest::newRow("delete") << u"Ana\x7f"_s << false << qsizetype(3);
        QTest::newRow("C1 next line") << u"Ana\u0085Ruiz"_s << true << qsizetype(3);
        QTest::newRow("C1 CSI") << u"Ana\u009bRuiz"_s << true << qsizetype(3);
        QTest::newRow("right-to-left override") << u"Ana \u202eziuR"_s << false << qsizetype(4);
        QTest::newRow("right-to-left override in a comment") << u"a\n\u202e"_s << true << qsizetype(2);
        QTest::newRow("left-to-right embedding") << u"\u202aAna"_s << false << qsizetype(0);
        QTest::newRow("pop directional formatting") << u"Ana\u202c"_s << false << qsizetype(3);
        QTest::newRow("right-to-left isolate") << u"Ana\u2067"_s << false << qsizetype(3);
        QTest::newRow("pop directional isolate") << u"Ana\u2069"_s << false << qsizetype(3);
        QTest::newRow("left-to-right mark") << u"Ana\u200e"_s << false << qsizetype(3);
        QTest::newRow("right-to-left mark") << u"Ana\u200f"_s << false << qsizetype(3);
        QTest::newRow("Arabic letter mark") << u"Ana\u061c"_s << false << qsizetype(3);
        QTest::newRow("the first of several") << u"a\u202eb\x1b"_s << false << qsizetype(1);
        QTest::newRow("line break in a name") << u"Ana\nRuiz"_s << false << qsizetype(3);
        QTest::newRow("line break in a comment") << u"Ana\nRuiz\n"_s << true << qsizetype(-1);
        QTest::newRow("crlf in a comment") << u"Ana\r\nRuiz\r\n"_s << true << qsizetype(-1);
        QTest::newRow("crlf in a name") << u"Ana\r\nRuiz"_s << false << qsizetype(3);
        QTest::newRow("lone carriage return") << u"Ana\rRuiz"_s << true << qsizetype(3);
        QTest::newRow("carriage return at the end") << u"Ana\r"_s << true << qsizetype(3);
        QTest::newRow("cr cr lf") << u"Ana\r\r\n"_s << true << qsizetype(3);
        QTest::newRow("tab in a name") << u"Ana\tRuiz"_s << false << qsizetype(3);
        QTest::newRow("tab in a comment") << u"-\tdrill first"_s << true << qsizetype(-1);
        QTest::newRow("line separator in a name") << u"Ana\u2028Ruiz"_s << false << qsizetype(3);
        QTest::newRow("paragraph separator in a comment") << u"Ana\u2029Ruiz"_s << true << qsizetype(-1);
        // Invisible but harmless here: key() removes them from names.
        QTest::newRow("zero-width space") << u"Ana\u200bRuiz"_s << false << qsizetype(-1);
        QTest::newRow("zero-width joiner") << u"\U0001F469\u200d\U0001F52C"_s << false << qsizetype(-1);
        QTest::newRow("soft hyphen") << u"Ru\u00adiz"_s << false << qsizetype(-1);
        QTest::newRow("non-Latin letters")
            << u"\u0410\u043d\u0430 \u05e8\u05d5\u05d9\u05d6"_s << false << qsizetype(-1);
    }

    void forbiddenCharacter()
    {
        QFETCH(QString, text);
        QFETCH(bool, lineBreaksAllowed);
        QFETCH(qsizetype, position);
        QCOMPARE(forbiddenAt(text, lineBreaksAllowed), position);
    }
};

QTEST_GUILESS_MAIN(TestPersonName)
#include "tst_personname.moc"
