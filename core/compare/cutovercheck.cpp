// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "compare/cutovercheck.h"

#include "compare/decisivefacts.h"
#include "compare/structuralcompare.h"
#include "compare/wordsimilarity.h"
#include "export/finalizedrecord.h"
#include "record/canonicalcontent.h"
#include "record/markdownparser.h"
#include "record/textkeys.h"
#include "signing/recordtrust.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QMap>
#include <QRegularExpression>

#include <algorithm>

namespace Countersign {

namespace {

using Severity = CompareFinding::Severity;
using Member = CutoverCheck::Member;
using Group = CutoverCheck::Group;

int kindRank(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::DecisionRecord:
        return 0;
    case DocumentKind::ProducerMirror:
        return 1;
    case DocumentKind::CheckpointPacket:
        return 2;
    case DocumentKind::Addendum:
        return 3;
    case DocumentKind::Unknown:
        break;
    }
    return 4;
}

// An export checked as `countersign verify FILE` checks it (with the trust folder found beside it).
void verifyExport(Member &member, const QString &text)
{
    using State = CutoverCheck::ExportState;
    const Result<RecordTrust> trust = RecordTrust::of(member.file);
    const Result<FinalizedRecord::Verification> verified = trust
        ? FinalizedRecord::verify(text, member.file, &trust.value())
        : Result<FinalizedRecord::Verification>(trust.error());
    if (!verified) {
        member.exportState = State::DoesNotVerify;
        member.exportProblem = verified.error().message;
    } else if (!verified->isValid()) {
        member.exportState = State::DoesNotVerify;
        member.exportProblem = verified->problems.first();
    } else if (!verified->isFinal()) {
        member.exportState = State::OpenSignOffs;
    } else {
        member.exportState = trust->folder ? State::Final : State::SignersUnchecked;
    }
}

Member memberOf(const QString &file, const Document &doc)
{
    const QString &text = doc.source.text();
    const QStringView begin = CanonicalContent::signOffBeginMarker;
    const bool exported = text.startsWith(begin) || text.contains(u'\n' + begin.toString());
    Member member;
    member.file = file;
    member.kind = doc.kind;
    member.side = doc.side;
    member.facts = RecordFacts::extract(doc);
    member.digest = CanonicalContent::digest(text);
    member.isExport = exported;
    if (exported)
        verifyExport(member, text);
    return member;
}

bool isRecord(DocumentKind kind)
{
    return kind == DocumentKind::DecisionRecord || kind == DocumentKind::ProducerMirror;
}

bool hasStatus(const StatusToken &status, QStringView word)
{
    return TextKeys::normalizedKey(status.word) == word;
}

CompareFinding finding(Severity severity, const QString &section, const QString &key, const QString &message)
{
    CompareFinding out;
    out.severity = severity;
    out.section = section;
    out.key = key;
    out.message = message;
    return out;
}

void setLeft(CompareFinding &finding, const QString &file, const QString &value, int line)
{
    finding.leftFile = file;
    finding.leftValue = value;
    finding.leftLine = line;
}

void setRight(CompareFinding &finding, const QString &file, const QString &value, int line)
{
    finding.rightFile = file;
    finding.rightValue = value;
    finding.rightLine = line;
}

QString fieldText(const FactField &field)
{
    return field.key + u": " + field.value;
}

QString gateText(const GateResult &gate)
{
    return gate.evidence.isEmpty() ? gate.status.text : gate.status.text + u" | " + gate.evidence;
}

// Every field of a target against the first document of the group that names one.
void checkTargets(const Group &group, QList<CompareFinding> &out)
{
    const Member *reference = nullptr;
    for (const Member &member : group.members) {
        if (member.facts.runtimeTarget.isEmpty())
            continue;
        if (!reference) {
            reference = &member;
            continue;
        }
        for (const FactField &field : reference->facts.runtimeTarget) {
            const QString key = TextKeys::normalizedKey(field.key);
            for (const FactField &other : member.facts.runtimeTarget) {
                if (TextKeys::normalizedKey(other.key) != key ||
                    other.value.simplified() == field.value.simplified())
                    continue;
                CompareFinding problem = finding(Severity::Blocking, QStringLiteral("Runtime target"),
                    field.key, QStringLiteral("documents of this cutover disagree on the runtime target"));
                setLeft(problem, reference->file, field.value, field.line);
                setRight(problem, member.file, other.value, other.line);
                out.append(problem);
            }
        }
    }
}

// A GO decision (a record's cutover outcome or a checkpoint's recommendation) against FAIL gates.
void checkGoAgainstFailedGates(const Group &group, QList<CompareFinding> &out)
{
    for (const Member &decider : group.members) {
        const FactField *decision = decider.kind == DocumentKind::CheckpointPacket
            ? DecisiveFacts::recommendation(decider.facts)
            : isRecord(decider.kind) ? DecisiveFacts::outcome(decider.facts)
                                     : nullptr;
        if (!decision || !hasStatus(decision->status, u"go"))
            continue;
        for (const Member &checkpoint : group.members) {
            for (const GateResult &gate : checkpoint.facts.gates) {
                if (!hasStatus(gate.status, u"fail"))
                    continue;
                CompareFinding problem = finding(Severity::Blocking, QStringLiteral("Gate Results"),
                    gate.gate, QStringLiteral("GO while a checkpoint gate is FAIL"));
                setLeft(problem, decider.file, fieldText(*decision), decision->line);
                setRight(problem, checkpoint.file, gateText(gate), gate.line);
                out.append(problem);
            }
        }
    }
}

// A WARN gate is accounted for when a residual risk or open item of the cutover shares at least two
// significant words with the gate's name and evidence ("cache warm-up" in both, say).
void checkUnmentionedWarnings(const Group &group, QList<CompareFinding> &out)
{
    constexpr int sharedWords = 2;
    QList<QStringList> mentions;
    for (const Member &member : group.members) {
        for (const QList<FactText> *texts : {&member.facts.residualRisks, &member.facts.openItems}) {
            for (const FactText &text : *texts)
                mentions.append(WordSimilarity::significantWords(text.text));
        }
    }
    for (const Member &checkpoint : group.members) {
        for (const GateResult &gate : checkpoint.facts.gates) {
            if (!hasStatus(gate.status, u"warn"))
                continue;
            const QStringList words =
                WordSimilarity::significantWords(QString(gate.gate + u' ' + gate.evidence));
            const bool mentioned =
                std::any_of(mentions.cbegin(), mentions.cend(), [&words](const QStringList &text) {
                    return std::count_if(words.cbegin(), words.cend(),
                               [&text](const QString &word) { return text.contains(word); }) >= sharedWords;
                });
            if (mentioned)
                continue;
            CompareFinding problem = finding(Severity::Warning, QStringLiteral("Gate Results"), gate.gate,
                QStringLiteral("WARN gate that no residual risk or open item mentions"));
            setLeft(problem, checkpoint.file, gateText(gate), gate.line);
            out.append(problem);
        }
    }
}

bool names(const FactField &role, const QString &requested)
{
    const QString key = TextKeys::normalizedKey(requested);
    return !key.isEmpty() &&
        (TextKeys::normalizedKey(role.key) == key || TextKeys::normalizedKey(role.value) == key ||
            TextKeys::normalizedKey(role.value).contains(key) ||
            TextKeys::normalizedKey(role.key).contains(key));
}

// Every sign-off a checkpoint requests must be a role, or a role's holder, in each record's Ownership.
void checkRequestedSignOffs(const Group &group, QList<CompareFinding> &out)
{
    for (const Member &checkpoint : group.members) {
        for (const FactText &requested : checkpoint.facts.requestedSignOffs) {
            for (const Member &record : group.members) {
                if (!isRecord(record.kind))
                    continue;
                const QList<FactField> &roles = record.facts.roles;
                if (std::any_of(roles.cbegin(), roles.cend(),
                        [&requested](const FactField &role) { return names(role, requested.text); }))
                    continue;
                CompareFinding problem =
                    finding(Severity::Blocking, QStringLiteral("Sign-off Requested From"), requested.text,
                        QStringLiteral("sign-off requested from a role the record's Ownership lacks"));
                setLeft(problem, checkpoint.file, requested.text, requested.line);
                setRight(problem, record.file,
                    roles.isEmpty()
                        ? QStringLiteral("no named roles")
                        : QStringLiteral("not among the %1 named roles or their holders").arg(roles.size()),
                    roles.isEmpty() ? 0 : roles.constFirst().line);
                out.append(problem);
            }
        }
    }
}

// Paths are written from each team's checkout ("/Users/d/Projects/...", "Tessera/docs/..."): a file
// of the same name anywhere under the checked folders is the one meant.
void checkDecisionInputs(const Group &group, const QSet<QString> &presentNames, QList<CompareFinding> &out)
{
    for (const Member &member : group.members) {
        for (const DecisionInput &input : member.facts.decisionInputs) {
            for (const QString &path : input.paths) {
                const QFileInfo info(path.trimmed());
                // Only what names a file: leaf texts such as "pending" are not paths.
                if (info.suffix().isEmpty() || path.trimmed().contains(u' ') ||
                    presentNames.contains(info.fileName()))
                    continue;
                CompareFinding problem =
                    finding(Severity::Warning, QStringLiteral("Decision Inputs"), input.label,
                        QStringLiteral("decision input names a file not present in the checked folders"));
                setLeft(problem, member.file, path, input.line);
                out.append(problem);
            }
        }
    }
}

} // namespace

QString CutoverCheck::cutoverDate(const Document &doc)
{
    static const QRegularExpression inName(QStringLiteral("[_-](\\d{4}-\\d{2}-\\d{2})(?!\\d)"));
    static const QRegularExpression inHeader(QStringLiteral("\\d{4}-\\d{2}-\\d{2}"));
    const QRegularExpressionMatch name = inName.match(QFileInfo(doc.fileName).fileName());
    if (name.hasMatch())
        return name.captured(1);
    if (const std::optional<QString> updated = doc.headerField(u"Updated")) {
        const QRegularExpressionMatch date = inHeader.match(*updated);
        if (date.hasMatch())
            return date.captured(0);
    }
    return QStringLiteral("undated");
}

CutoverCheck CutoverCheck::run(
    const QStringList &paths, const std::optional<QFuture<void>> &cancel, const Progress &progress)
{
    const auto cancelled = [&cancel] { return cancel && cancel->isCanceled(); };
    const auto report = [&progress](qsizetype done, qsizetype total) {
        if (progress)
            progress(int(done), int(total));
    };
    const auto stop = [] {
        CutoverCheck stopped;
        stopped.m_cancelled = true;
        return stopped;
    };
    CutoverCheck check;
    QStringList files;
    QSet<QString> presentNames;
    QSet<QString> seen;
    auto addFile = [&](const QString &file) {
        const QString canonical = QFileInfo(file).canonicalFilePath();
        if (!canonical.isEmpty() && seen.contains(canonical))
            return;
        seen.insert(canonical);
        files.append(file);
    };
    report(0, 0);
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isDir()) {
            if (info.exists())
                presentNames.insert(info.fileName());
            addFile(path);
            continue;
        }
        QStringList below;
        QDirIterator it(path, QDir::Files | QDir::NoDotAndDotDot, QDirIterator::Subdirectories);
        while (it.hasNext()) {
            below.append(it.next());
            // Listing a big tree takes a while too; looking now and then is enough.
            if (below.size() % 256 == 0 && cancelled())
                return stop();
        }
        below.sort();
        for (const QString &file : std::as_const(below)) {
            presentNames.insert(QFileInfo(file).fileName());
            if (file.endsWith(QStringLiteral(".md"), Qt::CaseInsensitive))
                addFile(file);
        }
    }

    QMap<QString, Group> byDate;
    report(0, files.size());
    for (qsizetype i = 0; i < files.size(); ++i) {
        if (cancelled())
            return stop();
        const QString &file = files.at(i);
        const Result<Document> doc = MarkdownParser::parseFile(file);
        if (!doc) {
            check.m_errors.append(doc.error());
        } else if (doc->kind == DocumentKind::Unknown) {
            check.m_ignored.append(file);
        } else {
            const QString date = cutoverDate(doc.value());
            Group &group = byDate[date];
            group.date = date;
            group.members.append(memberOf(file, doc.value()));
        }
        report(i + 1, files.size());
    }
    for (Group &group : byDate) {
        if (cancelled())
            return stop();
        std::stable_sort(group.members.begin(), group.members.end(), [](const Member &a, const Member &b) {
            return kindRank(a.kind) != kindRank(b.kind) ? kindRank(a.kind) < kindRank(b.kind)
                                                        : a.file < b.file;
        });
        check.m_groups.append(group);
        check.checkGroup(group, presentNames);
    }
    // Nothing to check is not "Aligned": a wrong folder would pass CI unseen.
    if (check.m_groups.isEmpty()) {
        check.m_findings.append(finding(Severity::NotComparable, QStringLiteral("Records"), {},
            QStringLiteral("no cutover records found in %1").arg(paths.join(QStringLiteral(", ")))));
    }
    return check;
}

void CutoverCheck::checkGroup(const Group &group, const QSet<QString> &presentNames)
{
    checkTargets(group, m_findings);
    checkGoAgainstFailedGates(group, m_findings);
    checkRequestedSignOffs(group, m_findings);
    checkUnmentionedWarnings(group, m_findings);
    checkDecisionInputs(group, presentNames, m_findings);
}

int CutoverCheck::exitCode() const
{
    if (!m_errors.isEmpty() || !summary().isComparable())
        return 2;
    return summary().isAligned() ? 0 : 1;
}

QString CutoverCheck::headline() const
{
    const QString headline = summary().headline();
    if (m_errors.isEmpty())
        return headline;
    return QStringLiteral("Incomplete: %1 could not be read. %2")
        .arg(
            m_errors.size() == 1 ? QStringLiteral("1 file") : QStringLiteral("%1 files").arg(m_errors.size()),
            headline);
}

QString CutoverCheck::toText() const
{
    QString out = headline() + u'\n';
    for (const Group &group : m_groups) {
        out += QStringLiteral("cutover %1: %2 document(s)\n").arg(group.date).arg(group.members.size());
        for (const Member &member : group.members)
            out += QStringLiteral("    %1 %2\n").arg(kindName(member.kind).leftJustified(18), member.file);
    }
    for (const QString &file : m_ignored)
        out += QStringLiteral("ignored (not a record): %1\n").arg(file);
    for (const Error &error : m_errors)
        out += QStringLiteral("not checked: %1\n").arg(error.toString());
    for (const CompareFinding &problem : m_findings)
        out += u'\n' + problem.toText();
    return out;
}

QByteArray CutoverCheck::toJson(JsonWriter::Style style) const
{
    QByteArray out;
    JsonWriter json(&out, style);
    const CompareSummary counts = summary();
    json.beginObject();
    json.field(u"schema", jsonSchemaVersion);
    counts.writeJson(json, headline());
    json.key(u"groups");
    json.beginArray();
    for (const Group &group : m_groups) {
        json.beginObject();
        json.field(u"date", group.date);
        json.key(u"documents");
        json.beginArray();
        for (const Member &member : group.members) {
            json.beginObject();
            json.field(u"file", member.file);
            json.field(u"kind", kindName(member.kind));
            json.field(u"side", sideName(member.side));
            json.endObject();
        }
        json.endArray();
        json.endObject();
    }
    json.endArray();
    json.key(u"ignored");
    json.beginArray();
    for (const QString &file : m_ignored)
        json.value(file);
    json.endArray();
    json.key(u"errors");
    json.beginArray();
    for (const Error &error : m_errors) {
        json.beginObject();
        json.field(u"file", error.file);
        json.field(u"line", error.line);
        json.field(u"message", error.message);
        json.endObject();
    }
    json.endArray();
    CompareFinding::writeJson(json, m_findings);
    json.endObject();
    json.flush();
    out += '\n';
    return out;
}

} // namespace Countersign
