// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "record/cmarkgfm.h"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <mutex>

namespace Countersign {

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
    static std::once_flag registered;
    std::call_once(registered, [] { cmark_gfm_core_extensions_ensure_registered(); });
    Parser out(cmark_parser_new(options));
    for (const char *name : extensions) {
        if (cmark_syntax_extension *extension = cmark_find_syntax_extension(name))
            cmark_parser_attach_syntax_extension(out.get(), extension);
    }
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
