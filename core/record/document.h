// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "record/sourcetext.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Countersign {

// What a markdown file is, as far as Countersign can tell. Detection never fails: a file it does
// not recognize is Unknown.
enum class DocumentKind { Unknown, DecisionRecord, ProducerMirror, CheckpointPacket, Addendum };
// Which team a document speaks for, from its title qualifier or kind.
enum class DocumentSide { Unknown, Producer, Consumer };

// A bold token such as **GO**, __NO-GO__ or **Active (stabilization window)**: `text` is the whole
// bold text, `word` its leading status word ("Active"), `qualifier` what follows in parentheses.
struct StatusToken
{
    QString text;
    QString word;
    QString qualifier;
    bool isEmpty() const { return text.isEmpty(); }
    friend bool operator==(const StatusToken &, const StatusToken &) = default;
};

struct ListItem;
struct Block;

// One item of a list. When its first paragraph reads `label: value`, label and value are split
// out: `value` is the plain text (inline code without backticks, bold without asterisks) and
// `rawValue` the source text after the colon. Lines are 1-based and inclusive.
struct ListItem
{
    int firstLine = 0;
    int lastLine = 0;
    int number = 0; // for ordered lists, the item's number; 0 otherwise
    bool checked = false; // GFM task list items
    bool isTask = false;
    QString text; // plain text of the first paragraph
    QString label;
    QString value;
    QString rawValue;
    bool hasLabel = false;
    bool valueIsCode = false; // the value is exactly one inline code span
    StatusToken status; // the first bold token of the value (of the text when there is no label)
    QStringList codeSpans; // every inline code span of the first paragraph, in order
    QList<ListItem> children; // items of lists nested in this one
    // Declared here, defaulted in document.cpp: QList's equality check cannot see through the
    // recursion of an inline default.
    friend bool operator==(const ListItem &, const ListItem &);
};

struct TableCell
{
    QString text;
    StatusToken status;
    friend bool operator==(const TableCell &, const TableCell &) = default;
};

struct TableRow
{
    int line = 0;
    QList<TableCell> cells;
    friend bool operator==(const TableRow &, const TableRow &) = default;
};

// A block of a section: paragraph, list, GFM table, code, HTML (comments included), thematic break
// or block quote. Only the members of its kind are filled.
struct Block
{
    enum class Kind { Paragraph, List, Table, Code, Html, ThematicBreak, Quote };

    Kind kind = Kind::Paragraph;
    int firstLine = 0;
    int lastLine = 0;
    QString text; // paragraph: plain text; code and HTML: the literal text
    QList<StatusToken> statuses; // paragraph: its bold tokens
    bool ordered = false; // list
    QList<ListItem> items; // list
    TableRow header; // table
    QList<TableRow> rows; // table
    QString info; // code: the fence's info string
    QList<Block> children; // quote: the blocks inside
    friend bool operator==(const Block &, const Block &); // defaulted in document.cpp, as ListItem's
};

// A heading and everything up to the next heading of any level. Sections form a tree through
// `parent` (index into Document::sections, -1 for none); the flat list is in source order.
struct Section
{
    QString heading; // plain text, e.g. "Ownership (Named Roles)"
    int level = 1;
    QString key; // normalized for matching, e.g. "ownership"
    QStringList qualifiers; // trailing parenthesized qualifiers, e.g. {"Named Roles"}
    int headingLine = 0; // first line of the heading
    int firstLine = 0; // == headingLine
    int lastLine = 0; // the line before the next heading, or the last line
    int parent = -1;
    QList<Block> blocks;
    bool hasQualifier(QStringView qualifier) const;
    friend bool operator==(const Section &, const Section &) = default;
};

// A `Key: value` line of the header, between the title and the first section.
struct HeaderField
{
    QString key;
    QString value;
    int line = 0;
    friend bool operator==(const HeaderField &, const HeaderField &) = default;
};

// A parsed markdown document: its exact source text and the structure found in it. Elements refer
// to the source by 1-based line numbers. `preamble` holds the blocks before the first heading.
struct Document
{
    QString fileName; // as given when loading; empty for unnamed text
    SourceText source;
    DocumentKind kind = DocumentKind::Unknown;
    DocumentSide side = DocumentSide::Unknown;
    QString title;
    int titleLine = 0; // 0: no title heading
    QList<HeaderField> headerFields;
    QList<Block> preamble;
    QList<Section> sections;
    // Why the structure was not read (the text is kept, the model left empty): a shape beyond
    // MarkdownParser's bounds, or memory refused. Empty for a parsed document.
    QString structureError;

    // The document's bytes: for an untouched parse, exactly the bytes it was parsed from.
    QByteArray serialize() const { return source.toUtf8(); }
    // The first section whose normalized key equals `key`, or contains it when `partial`.
    const Section *section(QStringView key, bool partial = false) const;
    // The value of the first header field named `key` (case-insensitive).
    std::optional<QString> headerField(QStringView key) const;

    friend bool operator==(const Document &, const Document &) = default;
};

QString kindName(DocumentKind kind); // "decision-record", "producer-mirror", ...
QString sideName(DocumentSide side); // "producer", "consumer", "unknown"
QString blockTypeName(Block::Kind kind); // "paragraph", "list", ...

} // namespace Countersign
