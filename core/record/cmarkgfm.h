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
};

} // namespace Countersign
