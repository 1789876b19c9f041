// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "drafting/mirror.h"

#include "drafting/lineedits.h"
#include "record/documentclassifier.h"
#include "record/recordfacts.h"
#include "record/textkeys.h"

#include <QFileInfo>
#include <QRegularExpression>

namespace Countersign {

namespace {

constexpr qsizetype wrapColumn = 80; // the width the sample records wrap their prose at

bool isRecord(DocumentKind kind)
{
    return kind == DocumentKind::DecisionRecord || kind == DocumentKind::ProducerMirror;
}

// The two teams of an Owner line "A + B (bilateral)": the record's own team comes first.
struct Owner
{
    int line = 0;
    QString prefix; // "Owner: "
    QString own;
    QString separator; // " + "
    QString other;
    QString rest; // " (bilateral)" and trailing blanks
    bool isPair() const { return !own.isEmpty() && !other.isEmpty(); }
};

Owner ownerOf(const Document &doc)
{
    Owner owner;
    for (const HeaderField &field : doc.headerFields) {
        if (TextKeys::normalizedKey(field.key) != u"owner")
            continue;
        owner.line = field.line;
        static const QRegularExpression pattern(
            QStringLiteral("^(.*?:\\**\\s*)([^+()]*?\\S)(\\s*\\+\\s*)([^+()]*?\\S)(\\s*(?:\\(.*)?)$"));
        const QRegularExpressionMatch match = pattern.matchView(doc.source.lineText(field.line));
        if (match.hasMatch()) {
            owner.prefix = match.captured(1);
            owner.own = match.captured(2);
            owner.separator = match.captured(3);
            owner.other = match.captured(4);
            owner.rest = match.captured(5);
        }
        break;
    }
    return owner;
}

bool isScopeKey(QStringView key)
{
    return key.contains(u"scope");
}

// The last line of a section that is not blank (its heading's, when it holds nothing).
int lastContentLine(const Document &doc, const Section &section)
{
    int line = section.lastLine;
    while (line > section.headingLine && doc.source.lineText(line).trimmed().isEmpty())
        --line;
    return line;
}

// "Phase 8": named in the scope, else the phase the mapping marks complete (the last), else the one
// it marks active (the first); empty when neither says.
QString phaseOf(const Document &doc, const RecordFacts &facts)
{
    static const QRegularExpression phase(
        QStringLiteral("\\bPhase\\s+(\\w+)"), QRegularExpression::CaseInsensitiveOption);
    if (const Section *scope = RecordFacts::sectionOf(doc, isScopeKey)) {
        for (const Block &block : scope->blocks) {
            const QRegularExpressionMatch match = phase.match(block.text);
            if (match.hasMatch())
                return QStringLiteral("Phase ") + match.captured(1);
        }
    }
    QString active;
    QString complete;
    for (const FactField &field : facts.phases) {
        const QString word = TextKeys::normalizedKey(field.status.word);
        if (word == u"complete" || word == u"completed" || word == u"done")
            complete = field.key;
        else if (active.isEmpty() && (word == u"active" || word == u"in progress"))
            active = field.key;
    }
    return !complete.isEmpty() ? complete : active;
}

// Words joined with spaces into lines of at most wrapColumn characters (a longer word stands alone).
QStringList wrapped(const QString &sentence)
{
    QStringList lines;
    QString line;
    for (const QString &word : sentence.split(u' ', Qt::SkipEmptyParts)) {
        if (!line.isEmpty() && line.size() + 1 + word.size() > wrapColumn) {
            lines.append(line);
            line.clear();
        }
        line += (line.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (!line.isEmpty())
        lines.append(line);
    return lines;
}

QString scopeSentence(DocumentKind target, const QString &phase, const Owner &owner, const RecordFacts &facts)
{
    const QString decision = QStringLiteral("the bilateral %1runtime cutover decision")
                                 .arg(phase.isEmpty() ? QString() : phase + u' ');
    if (target == DocumentKind::ProducerMirror)
        return QStringLiteral("Producer-side mirror of %1.").arg(decision);
    if (!owner.isPair())
        return QStringLiteral("Consumer-side record of %1.").arg(decision);
    // The source is the producer's mirror: its own team is the producer.
    QString contract;
    for (const FactField &field : facts.runtimeTarget) {
        const QString key = TextKeys::normalizedKey(field.key);
        if (key.endsWith(u"contract version") && key != u"api contract version" && !field.value.isEmpty()) {
            contract = field.value;
            break;
        }
    }
    return QStringLiteral("Consumer-side record of %1 for the %2 runtime integration with %3%4.")
        .arg(decision, owner.other, owner.own,
            contract.isEmpty() ? QString() : QStringLiteral(" `%1`").arg(contract));
}

DocumentSide sideNamedIn(const QString &text)
{
    const QString lower = text.toLower();
    if (lower.contains(u"producer"))
        return DocumentSide::Producer;
    if (lower.contains(u"consumer"))
        return DocumentSide::Consumer;
    return DocumentSide::Unknown;
}

void collectCodeSpans(const ListItem &item, QStringList &out)
{
    out += item.codeSpans;
    for (const ListItem &child : item.children)
        collectCodeSpans(child, out);
}

// A top-level item of the Decision Inputs list and what it points at.
struct Input
{
    const ListItem *item = nullptr;
    DocumentKind kind = DocumentKind::Unknown;
    DocumentSide side = DocumentSide::Unknown;
    QStringList paths;
};

Input inputOf(const ListItem &item)
{
    Input input{&item, DocumentKind::Unknown, DocumentSide::Unknown, {}};
    collectCodeSpans(item, input.paths);
    const QString label = item.hasLabel ? item.label : item.text;
    input.kind = DocumentClassifier::kindNamed(label);
    input.side = sideNamedIn(label);
    for (const QString &path : std::as_const(input.paths)) {
        const QString name = QFileInfo(path).completeBaseName();
        if (input.kind == DocumentKind::Unknown)
            input.kind = DocumentClassifier::kindNamed(name);
        if (input.side == DocumentSide::Unknown && input.kind == DocumentKind::CheckpointPacket)
            input.side = sideNamedIn(name);
    }
    return input;
}

bool isAbsolute(const QString &path)
{
    return path.startsWith(u'/') || path.startsWith(u'~') || path.startsWith(u'.') || path.contains(u"://") ||
        (path.size() > 2 && path.at(1) == u':');
}

// A path of the source's inputs as the other team's repository sees it.
QString rewrittenPath(const QString &path, const Owner &owner)
{
    if (!owner.isPair() || !path.contains(u'/') || isAbsolute(path))
        return path;
    const QString otherPrefix = owner.other + u'/';
    if (path.startsWith(otherPrefix))
        return path.mid(otherPrefix.size());
    if (path.startsWith(owner.own + u'/'))
        return path;
    return owner.own + u'/' + path;
}

// A line with its path-like code spans rewritten.
QString withPathsRewritten(QStringView line, const Owner &owner)
{
    static const QRegularExpression codeSpan(QStringLiteral("`([^`]+)`"));
    QString out;
    qsizetype from = 0;
    QRegularExpressionMatchIterator it = codeSpan.globalMatchView(line);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        out += line.mid(from, match.capturedStart(1) - from);
        out += rewrittenPath(match.captured(1), owner);
        from = match.capturedEnd(1);
    }
    out += line.mid(from);
    return out;
}

// How the list writes an item: "- " or "* " or "1. ", and "  - " for a nested path.
struct ListStyle
{
    QString marker = QStringLiteral("-");
    QString childIndent = QStringLiteral("  ");
    QString childMarker = QStringLiteral("-");
    bool nested = true; // "label:" with the path below it, rather than "label: `path`"
    bool ordered = false;
};

ListStyle styleOf(const Document &doc, const Block &list)
{
    static const QRegularExpression itemStart(QStringLiteral("^(\\s*)([-*+]|\\d+[.)])\\s"));
    ListStyle style;
    style.ordered = list.ordered;
    if (list.items.isEmpty())
        return style;
    const ListItem &first = list.items.first();
    const QRegularExpressionMatch own = itemStart.matchView(doc.source.lineText(first.firstLine));
    if (own.hasMatch())
        style.marker = own.captured(2);
    for (const ListItem &item : list.items) {
        if (!item.children.isEmpty()) {
            const QRegularExpressionMatch child =
                itemStart.matchView(doc.source.lineText(item.children.first().firstLine));
            if (child.hasMatch()) {
                style.childIndent = child.captured(1);
                style.childMarker = child.captured(2);
            }
            return style;
        }
        if (item.hasLabel && !item.codeSpans.isEmpty()) {
            style.nested = false;
            return style;
        }
    }
    return style;
}

QStringList itemLines(const ListStyle &style, int number, const QString &label, const QString &path)
{
    QString marker = style.marker;
    if (style.ordered)
        marker = QString::number(number) + marker.back();
    if (!style.nested)
        return {QStringLiteral("%1 %2: `%3`").arg(marker, label, path)};
    return {QStringLiteral("%1 %2:").arg(marker, label),
        QStringLiteral("%1%2 `%3`").arg(style.childIndent, style.childMarker, path)};
}

QString defaultFileName(DocumentKind kind, const Document &doc)
{
    QString name = kind == DocumentKind::ProducerMirror
        ? QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR")
        : QStringLiteral("RUNTIME_CUTOVER_DECISION_RECORD");
    const QString updated = doc.headerField(u"Updated").value_or(QString()).trimmed();
    static const QRegularExpression date(QStringLiteral("^\\d{4}-\\d{2}-\\d{2}"));
    if (const QRegularExpressionMatch match = date.match(updated); match.hasMatch())
        name += u'_' + match.captured(0);
    return name + QStringLiteral(".md");
}

// The Decision Inputs of the counterpart: the other side's checkpoint packets, the source's own, the
// source record, then the rest; the item that pointed at the counterpart is left out.
void rewriteInputs(LineEdits &edits, const Document &source, DocumentKind target, const Owner &owner)
{
    const Section *section = RecordFacts::sectionOf(source, RecordFacts::isDecisionInputsKey);
    if (!section)
        return;
    const DocumentSide sourceSide =
        source.kind == DocumentKind::ProducerMirror ? DocumentSide::Producer : DocumentSide::Consumer;
    const DocumentSide targetSide =
        sourceSide == DocumentSide::Producer ? DocumentSide::Consumer : DocumentSide::Producer;
    const Block *list = nullptr;
    for (const Block &block : section->blocks) {
        if (block.kind == Block::Kind::List) {
            list = &block;
            break;
        }
    }
    QList<Input> theirs, ours, rest;
    if (list) {
        for (const ListItem &item : list->items) {
            const Input input = inputOf(item);
            if (input.kind == target)
                continue; // the counterpart itself
            if (input.kind == DocumentKind::CheckpointPacket && input.side == targetSide)
                theirs.append(input);
            else if (input.kind == DocumentKind::CheckpointPacket && input.side == sourceSide)
                ours.append(input);
            else
                rest.append(input);
        }
    }
    // The source record sits beside its own side's checkpoint packet.
    QString folder;
    for (const Input &input : std::as_const(ours)) {
        if (!input.paths.isEmpty()) {
            const QString path = rewrittenPath(input.paths.first(), owner);
            folder = path.left(path.lastIndexOf(u'/') + 1);
            break;
        }
    }
    const QString fileName = source.fileName.isEmpty() ? defaultFileName(source.kind, source)
                                                       : QFileInfo(source.fileName).fileName();
    const ListStyle style = list ? styleOf(source, *list) : ListStyle();

    QStringList lines;
    int number = 0;
    auto copy = [&](const QList<Input> &inputs) {
        for (const Input &input : inputs) {
            ++number;
            for (int line = input.item->firstLine; line <= input.item->lastLine; ++line)
                lines.append(withPathsRewritten(source.source.lineText(line), owner));
        }
    };
    copy(theirs);
    copy(ours);
    lines += itemLines(style, ++number,
        target == DocumentKind::ProducerMirror ? QStringLiteral("Consumer decision record")
                                               : QStringLiteral("Producer decision mirror"),
        folder + fileName);
    copy(rest);
    if (list)
        edits.replace(list->firstLine, list->lastLine, lines);
    else
        edits.insertAfter(lastContentLine(source, *section), lines);
}

// The title for the other side: qualifiers naming a side or a mirror go, " (Producer Mirror)" comes
// for a mirror; a consumer title that would not read as a decision record becomes the usual one.
QString titleLine(QStringView line, DocumentKind target)
{
    static const QRegularExpression atx(QStringLiteral("^(\\s{0,3}#{1,6}\\s+)(.*?)(\\s+#+\\s*|\\s*)$"));
    static const QRegularExpression sideQualifier(
        QStringLiteral("\\s*\\([^()]*\\b(?:consumer|producer|mirror)\\b[^()]*\\)\\s*$"),
        QRegularExpression::CaseInsensitiveOption);
    QString prefix, text, suffix;
    if (const QRegularExpressionMatch match = atx.matchView(line); match.hasMatch()) {
        prefix = match.captured(1);
        text = match.captured(2);
        suffix = match.captured(3);
    } else {
        text = line.trimmed().toString(); // a setext title: the underline is the next line
        prefix = line.left(line.indexOf(text)).toString();
    }
    while (sideQualifier.match(text).hasMatch())
        text.remove(sideQualifier);
    if (target == DocumentKind::ProducerMirror)
        text += QStringLiteral(" (Producer Mirror)");
    else if (DocumentClassifier::kindNamed(text) != DocumentKind::DecisionRecord)
        text = QStringLiteral("Runtime Cutover Decision Record");
    return prefix + text + suffix;
}

} // namespace

DocumentKind Mirror::counterpartKind(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::DecisionRecord:
        return DocumentKind::ProducerMirror;
    case DocumentKind::ProducerMirror:
        return DocumentKind::DecisionRecord;
    default:
        return DocumentKind::Unknown;
    }
}

Result<QString> Mirror::create(const Document &source)
{
    const DocumentKind target = counterpartKind(source.kind);
    if (!isRecord(source.kind)) {
        Error error;
        error.code = Error::Code::Refused;
        error.file = source.fileName;
        error.message = source.kind == DocumentKind::CheckpointPacket
            ? QStringLiteral(
                  "a checkpoint packet, not a decision record or producer mirror: only those have a mirror")
            : source.kind == DocumentKind::Addendum
            ? QStringLiteral(
                  "an addendum, not a decision record or producer mirror: only those have a mirror")
            : QStringLiteral(
                  "not a decision record or producer mirror (no title, file name or sections say so): "
                  "only those have a mirror");
        return error;
    }
    const RecordFacts facts = RecordFacts::extract(source);
    const Owner owner = ownerOf(source);
    LineEdits edits(source.source);

    if (source.titleLine > 0) {
        edits.replaceLine(source.titleLine, titleLine(source.source.lineText(source.titleLine), target));
    } else {
        edits.insertAfter(0,
            {target == DocumentKind::ProducerMirror
                    ? QStringLiteral("# Runtime Cutover Decision Record (Producer Mirror)")
                    : QStringLiteral("# Runtime Cutover Decision Record"),
                QString()});
    }
    if (owner.isPair())
        edits.replaceLine(owner.line, owner.prefix + owner.other + owner.separator + owner.own + owner.rest);
    if (const Section *scope = RecordFacts::sectionOf(source, isScopeKey)) {
        const QStringList sentence = wrapped(scopeSentence(target, phaseOf(source, facts), owner, facts));
        if (scope->blocks.isEmpty())
            edits.insertAfter(lastContentLine(source, *scope), sentence);
        else
            edits.replace(scope->blocks.first().firstLine, scope->blocks.last().lastLine, sentence);
    }
    rewriteInputs(edits, source, target, owner);
    return edits.apply();
}

QString Mirror::suggestedFileName(const Document &source)
{
    const DocumentKind target = counterpartKind(source.kind);
    if (source.fileName.isEmpty())
        return defaultFileName(
            target == DocumentKind::Unknown ? DocumentKind::ProducerMirror : target, source);
    const QFileInfo info(source.fileName);
    QString base = info.completeBaseName();
    const QString suffix = info.suffix().isEmpty() ? QString() : u'.' + info.suffix();
    if (target == DocumentKind::DecisionRecord) {
        static const QRegularExpression mirrorWords(
            QStringLiteral("[_-]producer[_-]mirror|[_-]mirror"), QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch match = mirrorWords.match(base);
        if (match.hasMatch())
            return base.remove(match.capturedStart(), match.capturedLength()) + suffix;
    }
    const QString insert = target == DocumentKind::DecisionRecord ? QStringLiteral("_CONSUMER")
                                                                  : QStringLiteral("_PRODUCER_MIRROR");
    static const QRegularExpression trailingDate(QStringLiteral("[_-]\\d{4}-\\d{2}-\\d{2}$"));
    const QRegularExpressionMatch date = trailingDate.match(base);
    return base.insert(date.hasMatch() ? date.capturedStart() : base.size(), insert) + suffix;
}

} // namespace Countersign
