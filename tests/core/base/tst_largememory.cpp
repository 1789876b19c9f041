// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// LargeMemory: blocks of every size hold what is written to them; large ones start on a 2 MiB
// boundary (where transparent huge pages can back them); vectors over it grow across the threshold
// keeping their elements; LargeBytes shares its bytes with the QByteArray it gives out.
#include "base/largememory.h"

#include <QTest>

#include <cstdint>
#include <cstring>

using namespace Countersign;

class TestLargeMemory : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void blocksOfEverySizeHoldTheirBytes_data()
    {
        QTest::addColumn<qint64>("size");
        QTest::newRow("empty") << qint64(0);
        QTest::newRow("small") << qint64(100);
        QTest::newRow("just below a MiB") << qint64((1 << 20) - 1);
        QTest::newRow("a MiB") << qint64(1 << 20);
        QTest::newRow("not a whole huge page") << qint64(3 * (1 << 20) + 17);
    }

    void blocksOfEverySizeHoldTheirBytes()
    {
        QFETCH(qint64, size);
        auto *block = static_cast<unsigned char *>(LargeMemory::allocate(size_t(size)));
        QVERIFY(block);
        for (qint64 i = 0; i < size; ++i)
            block[i] = static_cast<unsigned char>(i * 7 + 3);
        bool same = true;
        for (qint64 i = 0; i < size && same; ++i)
            same = block[i] == static_cast<unsigned char>(i * 7 + 3);
        QVERIFY(same);
        if (size >= (1 << 20))
            QCOMPARE(reinterpret_cast<std::uintptr_t>(block) % (2 << 20), std::uintptr_t(0));
        LargeMemory::release(block, size_t(size));
    }

    void vectorsGrowAcrossTheThreshold()
    {
        LargeVector<quint32> values;
        for (quint32 i = 0; i < 1'000'000; ++i) // 4 MB: starts in malloc, ends mapped
            values.push_back(i * 2654435761u);
        bool same = true;
        for (quint32 i = 0; i < 1'000'000 && same; ++i)
            same = values[i] == i * 2654435761u;
        QVERIFY(same);
        LargeVector<quint32> copy = values;
        values.clear();
        values.shrink_to_fit();
        QCOMPARE(copy.size(), size_t(1'000'000));
        QCOMPARE(copy.back(), 999'999u * 2654435761u);
    }

    // The diff gives its large arrays back as soon as it is done with them (its peak of memory on a
    // 1M-line pair depends on it); assigning an empty list would keep the memory.
    void releaseGivesTheMemoryBack()
    {
        LargeVector<quint32> values(1'000'000, 7u);
        values = {};
        QVERIFY(values.empty());
        QCOMPARE_GE(values.capacity(), size_t(1'000'000)); // what the engine did before
        release(values);
        QCOMPARE(values.capacity(), size_t(0));
    }

    void bytesAreSharedNotCopied()
    {
        {
            LargeBytes bytes(3 << 20);
            std::memset(bytes.data(), 'x', size_t(bytes.capacity()));
            bytes.setSize(5);
            std::memcpy(bytes.data(), "hello", 5);
            LargeBytes copy = bytes;
            const QByteArray view = copy.bytes();
            QCOMPARE(view, QByteArrayLiteral("hello"));
            QCOMPARE(view.constData(), bytes.data()); // the same memory, not a copy
            QCOMPARE(copy.capacity(), qsizetype(3 << 20));
        }
        QVERIFY(LargeBytes().bytes().isEmpty());
        LargeBytes none(0);
        none.setSize(0);
        QVERIFY(none.bytes().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestLargeMemory)
#include "tst_largememory.moc"
