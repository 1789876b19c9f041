// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "base/largememory.h"

#include <QtGlobal>

#include <cstdint>
#include <cstdlib>
#include <sys/mman.h>

namespace Countersign {

namespace {

constexpr std::size_t mappedFrom = std::size_t(1) << 20; // smaller blocks come from malloc
constexpr std::size_t hugePage = std::size_t(2) << 20;

std::size_t mappedSize(std::size_t bytes)
{
    return (bytes + hugePage - 1) & ~(hugePage - 1);
}

} // namespace

void *LargeMemory::allocate(std::size_t bytes)
{
    if (bytes < mappedFrom) {
        if (void *block = std::malloc(bytes == 0 ? 1 : bytes))
            return block;
        throw std::bad_alloc();
    }
    // Map a huge page more than needed, then give back what lies before the first 2 MiB boundary
    // and after the block, so that the block starts on a huge page.
    const std::size_t size = mappedSize(bytes);
    void *mapped = mmap(nullptr, size + hugePage, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED)
        throw std::bad_alloc();
    const auto start = reinterpret_cast<std::uintptr_t>(mapped);
    const std::uintptr_t aligned = (start + hugePage - 1) & ~std::uintptr_t(hugePage - 1);
    if (aligned > start)
        munmap(mapped, aligned - start);
    if (const std::size_t after = hugePage - (aligned - start); after > 0)
        munmap(reinterpret_cast<void *>(aligned + size), after);
#if defined(MADV_HUGEPAGE)
    madvise(reinterpret_cast<void *>(aligned), size, MADV_HUGEPAGE); // advice: failing is harmless
#endif
    return reinterpret_cast<void *>(aligned);
}

void LargeMemory::release(void *block, std::size_t bytes) noexcept
{
    if (!block)
        return;
    if (bytes < mappedFrom)
        std::free(block);
    else
        munmap(block, mappedSize(bytes));
}

LargeBytes::LargeBytes(qsizetype capacity)
    : m_block(static_cast<char *>(LargeMemory::allocate(std::size_t(capacity))),
          [capacity](char *block) { LargeMemory::release(block, std::size_t(capacity)); })
    , m_capacity(capacity)
{ }

void LargeBytes::setSize(qsizetype size)
{
    Q_ASSERT(size >= 0 && size <= m_capacity);
    m_size = size;
}

QByteArray LargeBytes::bytes() const
{
    return m_size == 0 ? QByteArray() : QByteArray::fromRawData(m_block.get(), m_size);
}

} // namespace Countersign
