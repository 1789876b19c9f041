// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include <QtGlobal>

#include <initializer_list>
#include <memory>

struct cmark_node;
struct cmark_parser;

namespace Countersign {

// cmark-gfm's parser with GitHub's extensions attached, for the classes of core that read markdown
// (MarkdownParser builds the model, MarkdownHtml renders HTML). Internal to core: only core links
// cmark-gfm.
class CmarkGfm
{
public:
    struct NodeDeleter
    {
        void operator()(cmark_node *node) const;
    };
    struct ParserDeleter
    {
        void operator()(cmark_parser *parser) const;
    };
    using Node = std::unique_ptr<cmark_node, NodeDeleter>;
    using Parser = std::unique_ptr<cmark_parser, ParserDeleter>;

    // A parser with `options` (CMARK_OPT_*) and the named syntax extensions ("table",
    // "strikethrough", "autolink", "tasklist").
    static Parser parser(int options, std::initializer_list<const char *> extensions);
    // Feeds `data` (UTF-8) and returns the document's root; `parser` stays usable for rendering.
    static Node parse(cmark_parser *parser, const char *data, qsizetype size);

    // A parse whose memory is bounded: every allocation cmark makes for the parser and its tree is
    // counted against `budget` bytes, and a parse that would exceed it, or that the system refuses
    // memory, stops at once and frees all it took, instead of cmark's abort(). The nodes of root()
    // are freed (Node) before the BoundedParse is destroyed; anything still allocated then is freed
    // with it. Not copyable; one thread at a time.
    class BoundedParse
    {
    public:
        enum class Outcome { Parsed, OverBudget, OutOfMemory };

        BoundedParse(int options, std::initializer_list<const char *> extensions, qsizetype budget);
        ~BoundedParse();
        BoundedParse(const BoundedParse &) = delete;
        BoundedParse &operator=(const BoundedParse &) = delete;

        Outcome parse(const char *data, qsizetype size);
        // The document's root after Outcome::Parsed, else nothing.
        Node takeRoot() { return std::move(m_root); }
        // The most the parse held at once, in bytes (headers included).
        qsizetype peak() const;

        struct Arena; // the allocations of one parse (cmarkgfm.cpp)

    private:
        std::unique_ptr<Arena> m_arena;
        cmark_parser *m_parser = nullptr;
        Node m_root;
    };
};

} // namespace Countersign
