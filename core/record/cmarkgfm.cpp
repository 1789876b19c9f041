// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "record/cmarkgfm.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <csetjmp>
#include <cstddef>
#include <cstdlib>
#include <mutex>

namespace Countersign {

// Every allocation of a bounded parse carries a header that links it into its arena, so that a
// parse stopped half way (longjmp out of cmark, which has no way to report a failed allocation) can
// free everything it took without walking cmark's half-built structures.
struct CmarkGfm::BoundedParse::Arena
{
    struct alignas(std::max_align_t) Header
    {
        Header *previous;
        Header *next;
        Arena *arena; // null for memory taken outside a parse (cmark_node_get_literal, say)
        std::size_t size;
    };

    Arena() { list.previous = list.next = &list; }
    void link(Header *header)
    {
        header->arena = this;
        header->previous = &list;
        header->next = list.next;
        list.next->previous = header;
        list.next = header;
        used += header->size;
        peak = std::max(peak, used);
    }
    void unlink(Header *header)
    {
        header->previous->next = header->next;
        header->next->previous = header->previous;
        used -= header->size;
    }
    void releaseAll()
    {
        for (Header *header = list.next; header != &list;) {
            Header *next = header->next;
            std::free(header);
            header = next;
        }
        list.previous = list.next = &list;
        used = 0;
    }
    [[noreturn]] void stop(Outcome why)
    {
        failure = why;
        std::longjmp(*escape, 1);
    }
    // Whether `size` more bytes fit; stops the parse when they do not.
    void reserve(std::size_t size)
    {
        if (escape && (size > limit || used > limit - size))
            stop(Outcome::OverBudget);
    }

    Header list{};
    std::size_t used = 0;
    std::size_t peak = 0;
    std::size_t limit = 0;
    std::jmp_buf *escape = nullptr; // set while cmark parses
    Outcome failure = Outcome::Parsed;
};

namespace {

using Header = CmarkGfm::BoundedParse::Arena::Header;

// The arena of the bounded parse running on this thread: cmark's allocator has no context.
thread_local CmarkGfm::BoundedParse::Arena *currentArena = nullptr;

[[noreturn]] void outOfMemory(CmarkGfm::BoundedParse::Arena *arena)
{
    if (arena && arena->escape)
        arena->stop(CmarkGfm::BoundedParse::Outcome::OutOfMemory);
    std::abort(); // as cmark's own allocator does outside a parse
}

void *boundedCalloc(std::size_t count, std::size_t size)
{
    CmarkGfm::BoundedParse::Arena *arena = currentArena;
    std::size_t total = 0;
    if (__builtin_mul_overflow(count, size, &total) || total > SIZE_MAX - sizeof(Header))
        outOfMemory(arena);
    if (arena)
        arena->reserve(sizeof(Header) + total);
    auto *header = static_cast<Header *>(std::calloc(1, sizeof(Header) + total));
    if (!header)
        outOfMemory(arena);
    header->size = sizeof(Header) + total;
    if (arena)
        arena->link(header);
    return header + 1;
}

void *boundedRealloc(void *pointer, std::size_t size)
{
    if (!pointer)
        return boundedCalloc(1, size);
    Header *header = static_cast<Header *>(pointer) - 1;
    CmarkGfm::BoundedParse::Arena *arena = header->arena;
    if (size > SIZE_MAX - sizeof(Header))
        outOfMemory(arena);
    if (arena) {
        arena->unlink(header);
        if (arena->escape &&
            (sizeof(Header) + size > arena->limit || arena->used > arena->limit - (sizeof(Header) + size))) {
            arena->link(header);
            arena->stop(CmarkGfm::BoundedParse::Outcome::OverBudget);
        }
    }
    auto *moved = static_cast<Header *>(std::realloc(header, sizeof(Header) + size));
    if (!moved) {
        if (arena)
            arena->link(header);
        outOfMemory(arena);
    }
    moved->size = sizeof(Header) + size;
    if (arena)
        arena->link(moved);
    return moved + 1;
}

void boundedFree(void *pointer)
{
    if (!pointer)
        return;
    Header *header = static_cast<Header *>(pointer) - 1;
    if (header->arena)
        header->arena->unlink(header);
    std::free(header);
}

cmark_mem boundedMemory{boundedCalloc, boundedRealloc, boundedFree};

// Runs cmark with `arena`'s escape set: true when it finished, false when an allocation stopped it.
// No C++ object lives in this frame across the longjmp.
bool feedAndFinish(CmarkGfm::BoundedParse::Arena &arena, cmark_parser *parser, const char *data,
    qsizetype size, cmark_node **root)
{
    std::jmp_buf escape;
    arena.escape = &escape;
    if (setjmp(escape) != 0) {
        arena.escape = nullptr;
        return false;
    }
    constexpr qsizetype chunk = 1 << 30; // cmark takes its input in chunks of at most INT_MAX bytes
    for (qsizetype at = 0; at < size; at += chunk)
        cmark_parser_feed(parser, data + at, size_t(std::min(chunk, size - at)));
    *root = cmark_parser_finish(parser);
    arena.escape = nullptr;
    return true;
}

void attachExtensions(cmark_parser *parser, std::initializer_list<const char *> extensions)
{
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    for (const char *name : extensions) {
        if (cmark_syntax_extension *extension = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(parser, extension);
    }
}

// Makes `arena` the current one for the scope, restoring the one before.
class CurrentArena
{
public:
    explicit CurrentArena(CmarkGfm::BoundedParse::Arena *arena)
        : m_previous(currentArena)
    {
        currentArena = arena;
    }
    ~CurrentArena() { currentArena = m_previous; }
    CurrentArena(const CurrentArena &) = delete;
    CurrentArena &operator=(const CurrentArena &) = delete;

private:
    CmarkGfm::BoundedParse::Arena *m_previous;
};

} // namespace

CmarkGfm::BoundedParse::BoundedParse(
    int options, std::initializer_list<const char *> extensions, qsizetype budget)
    : m_arena(std::make_unique<Arena>())
{
    m_arena->limit = std::size_t(std::max<qsizetype>(budget, 0));
    const CurrentArena current(m_arena.get());
    m_parser = cmark_parser_new_with_mem(options, &boundedMemory);
    attachExtensions(m_parser, extensions);
}

CmarkGfm::BoundedParse::~BoundedParse()
{
    m_root.reset();
    if (m_parser)
        cmark_parser_free(m_parser);
    m_arena->releaseAll();
}

CmarkGfm::BoundedParse::Outcome CmarkGfm::BoundedParse::parse(const char *data, qsizetype size)
{
    if (!m_parser)
        return m_arena->failure;
    const CurrentArena current(m_arena.get());
    cmark_node *root = nullptr;
    if (!feedAndFinish(*m_arena, m_parser, data, size, &root)) {
        // cmark's structures are half built: free the memory under them, never them.
        m_parser = nullptr;
        m_arena->releaseAll();
        return m_arena->failure;
    }
    m_root.reset(root);
    return Outcome::Parsed;
}

qsizetype CmarkGfm::BoundedParse::peak() const
{
    return qsizetype(m_arena->peak);
}

void CmarkGfm::NodeDeleter::operator()(cmark_node *node) const
{
    cmark_node_free(node);
}

void CmarkGfm::ParserDeleter::operator()(cmark_parser *parser) const
{
    cmark_parser_free(parser);
}

CmarkGfm::Parser CmarkGfm::parser(int options, std::initializer_list<const char *> extensions)
{
    Parser out(cmark_parser_new(options));
    attachExtensions(out.get(), extensions);
    return out;
}

CmarkGfm::Node CmarkGfm::parse(cmark_parser *parser, const char *data, qsizetype size)
{
    // cmark takes its input in chunks of at most INT_MAX bytes.
    constexpr qsizetype chunk = 1 << 30;
    for (qsizetype at = 0; at < size; at += chunk)
        cmark_parser_feed(parser, data + at, size_t(std::min(chunk, size - at)));
    return Node(cmark_parser_finish(parser));
}

} // namespace Countersign
