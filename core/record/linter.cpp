// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "record/linter.h"

#include "record/recordfacts.h"
#include "record/textkeys.h"

#include <QDate>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace Countersign {

namespace {

using Severity = LintFinding::Severity;

struct ExpectedSection
{
    const char16_t *name;
    bool (*matches)(QStringView key);
};

bool isScopeKey(QStringView key)
{
    return key.contains(u"scope");
}

QList<ExpectedSection> expectedSections(DocumentKind kind)
{
    switch (kind) {
    case DocumentKind::DecisionRecord:
    case DocumentKind::ProducerMirror:
        return {{u"Decision Scope", isScopeKey}, {u"Decision Outcome", RecordFacts::isOutcomeKey},
            {u"Approved Runtime Target", RecordFacts::isRuntimeTargetKey},
            {u"Ownership (Named Roles)", RecordFacts::isRolesKey},
            {u"Decision Inputs", RecordFacts::isDecisionInputsKey},
            {u"Completion Evidence", RecordFacts::isEvidenceKey},
            {u"Residual Risks", RecordFacts::isResidualRisksKey},
            {u"Phase Status Mapping", RecordFacts::isPhaseStatusKey}};
    case DocumentKind::CheckpointPacket:
        return {{u"Checkpoint Summary", RecordFacts::isSummaryKey},
            {u"Runtime Target Under Review", RecordFacts::isRuntimeTargetKey},
            {u"Gate Results", RecordFacts::isGateResultsKey}, {u"Open Items", RecordFacts::isOpenItemsKey},
            {u"Sign-off Requested From", RecordFacts::isRequestedSignOffsKey}};
    case DocumentKind::Addendum:
    case DocumentKind::Unknown:
        break;
    }
    return {};
}

// Sections whose list items are expected to be `key: value` fields.
bool isFieldSection(QStringView key)
{
    return RecordFacts::isRuntimeTargetKey(key) || RecordFacts::isOutcomeKey(key) ||
        RecordFacts::isRolesKey(key) || RecordFacts::isPhaseStatusKey(key) || RecordFacts::isSummaryKey(key);
}

// Sections whose values are expected to be status words.
bool isStatusSection(QStringView key)
{
    return RecordFacts::isOutcomeKey(key) || RecordFacts::isPhaseStatusKey(key);
}

class Checker
{
public:
    explicit Checker(const Document &doc)
        : m_doc(doc)
    { }

    void add(int line, Severity severity, const char16_t *code, const QString &message)
    {
        m_findings.append(LintFinding{m_doc.fileName, line, severity, QString::fromUtf16(code), message});
    }

    void checkValue(const QString &key, const QString &value, int line)
    {
        if (Linter::isCommitKey(key) && !Linter::isCommitSha(value)) {
            add(line, Severity::Error, u"commit-sha",
                QStringLiteral("%1 '%2' is not a 40-digit hexadecimal commit SHA").arg(key, value));
        }
        if (Linter::isDateKey(key) && !Linter::isIsoDate(value)) {
            add(line, Severity::Error, u"date",
                QStringLiteral("%1 '%2' is not an ISO 8601 date (YYYY-MM-DD)").arg(key, value));
        }
    }

    void checkStatus(const StatusToken &status, const QString &what, int line)
    {
        if (status.isEmpty()) {
            add(line, Severity::Warning, u"missing-status",
                QStringLiteral("%1 has no status word").arg(what));
        } else if (!TextKeys::isKnownStatusWord(status.word)) {
            add(line, Severity::Warning, u"unknown-status",
                QStringLiteral("unknown status word '%1' for %2 (known: %3)")
                    .arg(status.word, what, TextKeys::knownStatusWords().join(u", ")));
        }
    }

    void checkFieldSection(const Section &section)
    {
        QHash<QString, int> seen;
        for (const Block &block : section.blocks) {
            if (block.kind != Block::Kind::List)
                continue;
            for (const ListItem &item : block.items) {
                if (!item.hasLabel) {
                    add(item.firstLine, Severity::Error, u"malformed-field",
                        QStringLiteral("malformed field line in '%1': expected 'key: value', found '%2'")
                            .arg(section.heading, item.text));
                    continue;
                }
                const QString key = TextKeys::normalizedKey(item.label);
                if (const auto first = seen.constFind(key); first != seen.constEnd()) {
                    add(item.firstLine, Severity::Error, u"duplicate-key",
                        QStringLiteral("duplicate key '%1' in '%2' (first on line %3)")
                            .arg(item.label, section.heading)
                            .arg(*first));
                } else {
                    seen.insert(key, item.firstLine);
                }
                if (item.value.isEmpty() && item.children.isEmpty()) {
                    add(item.firstLine, Severity::Error, u"empty-value",
                        QStringLiteral("'%1' in '%2' has no value").arg(item.label, section.heading));
                    continue;
                }
                checkValue(item.label, item.value, item.firstLine);
                // Outcome and phase values are statuses, and so is a recommendation or status field.
                if (isStatusSection(section.key) || key == u"recommendation" || key == u"status") {
                    const StatusToken status =
                        item.status.isEmpty() ? TextKeys::statusToken(item.value) : item.status;
                    checkStatus(status, QStringLiteral("'%1'").arg(item.label), item.firstLine);
                }
            }
        }
    }

    QList<LintFinding> run()
    {
        const int topLine = m_doc.titleLine > 0 ? m_doc.titleLine : 1;
        for (const ExpectedSection &expected : expectedSections(m_doc.kind)) {
            const bool present = std::any_of(m_doc.sections.cbegin(), m_doc.sections.cend(),
                [&](const Section &s) { return expected.matches(s.key); });
            if (!present) {
                add(topLine, Severity::Warning, u"missing-section",
                    QStringLiteral("expected section '%1' is missing for a %2")
                        .arg(QString::fromUtf16(expected.name), kindName(m_doc.kind)));
            }
        }

        QHash<QString, int> headerSeen;
        for (const HeaderField &field : m_doc.headerFields) {
            const QString key = TextKeys::normalizedKey(field.key);
            if (const auto first = headerSeen.constFind(key); first != headerSeen.constEnd()) {
                add(field.line, Severity::Error, u"duplicate-key",
                    QStringLiteral("duplicate header field '%1' (first on line %2)")
                        .arg(field.key)
                        .arg(*first));
            } else {
                headerSeen.insert(key, field.line);
            }
            checkValue(field.key, field.value, field.line);
        }

        QHash<QString, int> sectionSeen;
        for (const Section &section : m_doc.sections) {
            const QString scopedKey = QString::number(section.parent) + u'/' + section.key;
            if (const auto first = sectionSeen.constFind(scopedKey); first != sectionSeen.constEnd()) {
                add(section.headingLine, Severity::Warning, u"duplicate-section",
                    QStringLiteral("duplicate section '%1' (first on line %2)")
                        .arg(section.heading)
                        .arg(*first));
            } else {
                sectionSeen.insert(scopedKey, section.headingLine);
            }
            if (isFieldSection(section.key) && &section != m_doc.sections.constData())
                checkFieldSection(section);
        }

        const RecordFacts facts = RecordFacts::extract(m_doc);
        for (const GateResult &gate : facts.gates)
            checkStatus(gate.status, QStringLiteral("gate '%1'").arg(gate.gate), gate.line);

        std::stable_sort(m_findings.begin(), m_findings.end(),
            [](const LintFinding &a, const LintFinding &b) { return a.line < b.line; });
        return m_findings;
    }

private:
    const Document &m_doc;
    QList<LintFinding> m_findings;
};

} // namespace

QString LintFinding::toString() const
{
    return QStringLiteral("%1:%2: %3: %4 [%5]")
        .arg(file)
        .arg(line)
        .arg(
            severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning"), message, code);
}

QList<LintFinding> Linter::lint(const Document &doc)
{
    return Checker(doc).run();
}

bool Linter::isDateKey(QStringView key)
{
    const QString normalized = TextKeys::normalizedKey(key);
    return normalized == u"updated" || normalized == u"created" || normalized == u"date" ||
        normalized.endsWith(u" date") || normalized.startsWith(u"date ");
}

bool Linter::isCommitKey(QStringView key)
{
    const QString normalized = TextKeys::normalizedKey(key);
    return normalized == u"commit sha" || normalized == u"commit";
}

bool Linter::isIsoDate(QStringView value)
{
    static const QRegularExpression pattern(
        QStringLiteral("^(\\d{4})-(\\d{2})-(\\d{2})(?:[T "
                       "](\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?$"));
    const QRegularExpressionMatch match = pattern.matchView(value.trimmed());
    if (!match.hasMatch())
        return false;
    if (!QDate(match.captured(1).toInt(), match.captured(2).toInt(), match.captured(3).toInt()).isValid())
        return false;
    return match.captured(4).isEmpty() || (match.captured(4).toInt() < 24 && match.captured(5).toInt() < 60);
}

bool Linter::isCommitSha(QStringView value)
{
    static const QRegularExpression pattern(QStringLiteral("^[0-9a-fA-F]{40}$"));
    return pattern.matchView(value).hasMatch();
}

} // namespace Countersign
