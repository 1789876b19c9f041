// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>

#include <cstddef>
#include <memory>
#include <new>
#include <vector>

namespace Countersign {

// Memory for the big, short-lived arrays of a diff: the files' bytes, their line tables and the
// engine's arrays. A block of 1 MiB or more is mapped on its own, aligned to 2 MiB and offered to
// the kernel for transparent huge pages, so that first touching it costs one page fault per 2 MiB
// instead of one per 4 KiB (on a 100k-line pair, thousands of faults and about a third of the
// command's time); smaller blocks come from malloc. Where huge pages are off, a block is ordinary
// mapped memory.
namespace LargeMemory {

// Throws std::bad_alloc when the memory is not there, as operator new does.
void *allocate(std::size_t bytes);
// `bytes` as given to allocate().
void release(void *block, std::size_t bytes) noexcept;

} // namespace LargeMemory

// A std::vector allocator over LargeMemory.
template<typename T>
class LargeAllocator
{
public:
    using value_type = T;

    LargeAllocator() = default;
    template<typename U>
    LargeAllocator(const LargeAllocator<U> &) noexcept
    { }

    T *allocate(std::size_t count)
    {
        if (count > std::size_t(-1) / sizeof(T))
            throw std::bad_array_new_length();
        return static_cast<T *>(LargeMemory::allocate(count * sizeof(T)));
    }
    void deallocate(T *block, std::size_t count) noexcept { LargeMemory::release(block, count * sizeof(T)); }

    template<typename U>
    bool operator==(const LargeAllocator<U> &) const noexcept
    {
        return true;
    }
};

template<typename T>
using LargeVector = std::vector<T, LargeAllocator<T>>;

// Gives a vector's memory back at once. (`vector = {}` would not: it assigns an empty list and keeps
// the capacity.)
template<typename T>
void release(LargeVector<T> &vector)
{
    LargeVector<T>().swap(vector);
}

// Bytes in large memory, written once and then shared read-only: bytes() is a QByteArray over
// them that does not copy them, valid while a LargeBytes that shares them lives.
class LargeBytes
{
public:
    LargeBytes() = default;
    // Room for `capacity` bytes, of which none are used yet.
    explicit LargeBytes(qsizetype capacity);

    char *data() { return m_block.get(); }
    qsizetype capacity() const { return m_capacity; }
    // Sets how many of the bytes are used (at most capacity()).
    void setSize(qsizetype size);
    QByteArray bytes() const;

private:
    std::shared_ptr<char> m_block;
    qsizetype m_capacity = 0;
    qsizetype m_size = 0;
};

} // namespace Countersign
