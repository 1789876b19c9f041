// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "compare/structuralcompare.h"

#include "compare/decisivefacts.h"
#include "compare/wordsimilarity.h"
#include "record/documentclassifier.h"
#include "record/recordfacts.h"
#include "record/textkeys.h"

#include <QFileInfo>
#include <QHash>
#include <QRegularExpression>

#include <algorithm>

namespace Countersign {

namespace {

using Severity = CompareFinding::Severity;

// What a section holds, as RecordFacts reads it; decides how differences inside it weigh.
enum class Role {
    Other,
    Summary,
    Target,
    Outcome,
    Roles,
    Phases,
    Gates,
    Risks,
    OpenItems,
    SignOffs,
    Inputs,
    Evidence
};

struct RoleTest
{
    Role role;
    bool (*matches)(QStringView);
    QList<FactField> RecordFacts::*fields; // where RecordFacts keeps the section's fields, if it does
};

// In this order: a heading matching two tests takes the first.
constexpr RoleTest roleTests[] = {
    {Role::Target, RecordFacts::isRuntimeTargetKey, &RecordFacts::runtimeTarget},
    {Role::Outcome, RecordFacts::isOutcomeKey, &RecordFacts::outcomes},
    {Role::Roles, RecordFacts::isRolesKey, &RecordFacts::roles},
    {Role::Phases, RecordFacts::isPhaseStatusKey, &RecordFacts::phases},
    {Role::Gates, RecordFacts::isGateResultsKey, nullptr},
    {Role::Risks, RecordFacts::isResidualRisksKey, nullptr},
    {Role::OpenItems, RecordFacts::isOpenItemsKey, nullptr},
    {Role::SignOffs, RecordFacts::isRequestedSignOffsKey, nullptr},
    {Role::Inputs, RecordFacts::isDecisionInputsKey, nullptr},
    {Role::Evidence, RecordFacts::isEvidenceKey, nullptr},
    {Role::Summary, RecordFacts::isSummaryKey, &RecordFacts::summary}};

const RoleTest *roleTestOf(QStringView key)
{
    for (const RoleTest &test : roleTests) {
        if (test.matches(key))
            return &test;
    }
    return nullptr;
}

// A comparable element of a section: a field, list item, table row, or the section's prose.
struct Entry
{
    QString key; // normalized label; empty for unlabeled items and prose
    QString label; // as written
    QString value; // plain text; the whole text for unlabeled items
    StatusToken status;
    int line = 0;
    bool isProse = false;
    // A decision input naming the other document of the pair by its kind, under another file name.
    bool namesOtherFileAnew = false;

    QString name() const
    {
        if (!label.isEmpty())
            return label;
        constexpr int shown = 60;
        return value.size() <= shown ? value : value.left(shown - 1).trimmed() + u'\u2026';
    }
    QString text() const { return label.isEmpty() ? value : label + u' ' + value; }
};

Entry entryOf(const FactField &field)
{
    return Entry{TextKeys::normalizedKey(field.key), field.key, field.value, field.status, field.line, false};
}

QString joined(const QStringList &parts)
{
    return parts.join(QStringLiteral(" | "));
}

QList<Entry> genericEntries(const Section &section)
{
    QList<Entry> entries;
    Entry prose;
    prose.isProse = true;
    QStringList paragraphs;
    for (const Block &block : section.blocks) {
        switch (block.kind) {
        case Block::Kind::List:
            for (const ListItem &item : block.items) {
                if (item.hasLabel)
                    entries.append(Entry{TextKeys::normalizedKey(item.label), item.label, item.value,
                        item.status, item.firstLine, false});
                else
                    entries.append(Entry{{}, {}, item.text, item.status, item.firstLine, false});
            }
            break;
        case Block::Kind::Table:
            for (const TableRow &row : block.rows) {
                if (row.cells.isEmpty())
                    continue;
                Entry entry{TextKeys::normalizedKey(row.cells.first().text), row.cells.first().text, {}, {},
                    row.line, false};
                QStringList rest;
                for (qsizetype i = 1; i < row.cells.size(); ++i) {
                    rest.append(row.cells.at(i).text);
                    if (entry.status.isEmpty())
                        entry.status = row.cells.at(i).status;
                }
                entry.value = joined(rest);
                entries.append(entry);
            }
            break;
        case Block::Kind::Paragraph:
        case Block::Kind::Code:
            if (paragraphs.isEmpty())
                prose.line = block.firstLine;
            paragraphs.append(block.text.simplified());
            break;
        default:
            break;
        }
    }
    if (!paragraphs.isEmpty()) {
        prose.value = paragraphs.join(u' ');
        entries.prepend(prose);
    }
    return entries;
}

// A section and its entries. Where RecordFacts reads the section (the first of its kind), its facts
// are used, so that plain `key: value` lines and role tables with a Holder column read as fields.
struct SectionView
{
    const Section *section = nullptr;
    Role role = Role::Other;
    QList<Entry> entries;
};

bool isTitle(const Document &doc, qsizetype index)
{
    return index == 0 && doc.titleLine != 0 && doc.sections.constFirst().headingLine == doc.titleLine;
}

// The section RecordFacts takes a fact from: the first non-title section that passes the test.
bool isFactSource(const Document &doc, qsizetype index, bool (*matches)(QStringView))
{
    for (qsizetype i = 0; i < doc.sections.size(); ++i) {
        if (!isTitle(doc, i) && matches(doc.sections.at(i).key))
            return i == index;
    }
    return false;
}

// The key of a decision input that names the document on the other side of the comparison: each record of
// a pair lists the other ("Producer decision mirror", "Consumer decision record"), so those two meet.
const QString counterpartKey = QStringLiteral("\x01counterpart");

bool isRecord(DocumentKind kind)
{
    return kind == DocumentKind::DecisionRecord || kind == DocumentKind::ProducerMirror;
}

// The document a comparison holds against the one whose sections are read.
struct Other
{
    QString fileName; // without folder
    DocumentKind kind = DocumentKind::Unknown;
};

// Whether a decision input points at `other`: it names its file, or, when `other` is a decision record
// or mirror, it is the input of that kind (by its label, else by the name of its file), so that a record
// and its mirror meet whatever their files are called.
bool namesOther(const DecisionInput &input, const QStringList &fileNames, const Other &other)
{
    if (!other.fileName.isEmpty() && fileNames.contains(other.fileName))
        return true;
    if (!isRecord(other.kind))
        return false;
    DocumentKind kind = DocumentClassifier::kindNamed(input.label);
    for (qsizetype i = 0; kind == DocumentKind::Unknown && i < input.paths.size(); ++i)
        kind = DocumentClassifier::kindNamed(QFileInfo(input.paths.at(i)).completeBaseName());
    return kind == other.kind;
}

QList<Entry> factEntries(
    const RoleTest &test, const RecordFacts &facts, const Section &section, const Other &other)
{
    QList<Entry> entries;
    if (test.fields) {
        for (const FactField &field : facts.*test.fields)
            entries.append(entryOf(field));
    } else if (test.role == Role::Gates) {
        for (const GateResult &gate : facts.gates) {
            entries.append(Entry{TextKeys::normalizedKey(gate.gate), gate.gate,
                joined({gate.status.text, gate.evidence}), gate.status, gate.line, false});
        }
    } else if (test.role == Role::Inputs) {
        // Paths are rooted differently in each team's repository: the file names are what must meet.
        for (const DecisionInput &input : facts.decisionInputs) {
            QStringList names;
            for (const QString &path : input.paths)
                names.append(QFileInfo(path).fileName());
            const bool counterpart = namesOther(input, names, other);
            entries.append(Entry{counterpart ? counterpartKey : TextKeys::normalizedKey(input.label),
                input.label, names.join(u", "), {}, input.line, false,
                counterpart && !names.contains(other.fileName)});
        }
    } else {
        entries = genericEntries(section);
    }
    return entries;
}

QList<SectionView> viewsOf(const Document &doc, const RecordFacts &facts, const Other &other)
{
    QList<SectionView> views;
    views.reserve(doc.sections.size());
    for (qsizetype i = 0; i < doc.sections.size(); ++i) {
        if (isTitle(doc, i))
            continue;
        const Section &section = doc.sections.at(i);
        SectionView view{&section, Role::Other, {}};
        if (const RoleTest *test = roleTestOf(section.key)) {
            view.role = test->role;
            view.entries = isFactSource(doc, i, test->matches) ? factEntries(*test, facts, section, other)
                                                               : genericEntries(section);
        } else {
            view.entries = genericEntries(section);
        }
        views.append(view);
    }
    return views;
}

// Pairs the elements of two lists: first by equal `keyOf` (an empty key matches nothing), then by
// equal significant words, then the most similar remaining pairs at or above the threshold. Returns,
// for each left element, the index of its right partner or -1. Long lists stay near linear: the
// first two steps hash, and the similarity step compares each left element only with the right
// elements around the same relative position once the full product would exceed a budget, keeping
// its three best candidates.
template<typename T, typename KeyOf, typename Words>
QList<qsizetype> pairUp(const QList<T> &left, const QList<T> &right, KeyOf keyOf, Words words)
{
    QList<qsizetype> partner(left.size(), -1);
    QList<bool> taken(right.size(), false);
    // Pairs left and right elements whose keys (by index) are equal and not empty, in order.
    auto matchBy = [&](auto leftKey, auto rightKey) {
        QHash<QString, QList<qsizetype>> byKey; // each key's right elements, the first last
        for (qsizetype j = right.size() - 1; j >= 0; --j) {
            if (!taken.at(j)) {
                if (const QString k = rightKey(j); !k.isEmpty())
                    byKey[k].append(j);
            }
        }
        for (qsizetype i = 0; i < left.size(); ++i) {
            if (partner.at(i) >= 0)
                continue;
            const QString k = leftKey(i);
            const auto found = k.isEmpty() ? byKey.end() : byKey.find(k);
            if (found == byKey.end() || found->isEmpty())
                continue;
            partner[i] = found->takeLast();
            taken[partner[i]] = true;
        }
    };
    matchBy([&](qsizetype i) { return keyOf(left.at(i)); }, [&](qsizetype j) { return keyOf(right.at(j)); });
    QList<QStringList> leftWords(left.size()), rightWords(right.size());
    for (qsizetype i = 0; i < left.size(); ++i) {
        if (partner.at(i) < 0)
            leftWords[i] = words(left.at(i));
    }
    for (qsizetype j = 0; j < right.size(); ++j) {
        if (!taken.at(j))
            rightWords[j] = words(right.at(j));
    }
    // The same significant words: the same item, worded alike.
    matchBy([&](qsizetype i) { return leftWords.at(i).join(u' '); },
        [&](qsizetype j) { return rightWords.at(j).join(u' '); });

    struct Candidate
    {
        double score;
        qsizetype left;
        qsizetype right;
    };
    QList<qsizetype> openLeft, openRight;
    for (qsizetype i = 0; i < left.size(); ++i) {
        if (partner.at(i) < 0 && !leftWords.at(i).isEmpty())
            openLeft.append(i);
    }
    for (qsizetype j = 0; j < right.size(); ++j) {
        if (!taken.at(j) && !rightWords.at(j).isEmpty())
            openRight.append(j);
    }
    constexpr qsizetype budget = 250000; // similarity computations before the window applies
    constexpr qsizetype window = 64;
    const bool windowed = openLeft.size() * openRight.size() > budget;
    QList<Candidate> candidates;
    for (qsizetype a = 0; a < openLeft.size(); ++a) {
        const qsizetype i = openLeft.at(a);
        qsizetype from = 0, to = openRight.size();
        if (windowed) {
            const qsizetype centre = openLeft.size() > 0 ? a * openRight.size() / openLeft.size() : 0;
            from = std::max<qsizetype>(0, centre - window);
            to = std::min(openRight.size(), centre + window + 1);
        }
        Candidate best[3] = {{-1, i, -1}, {-1, i, -1}, {-1, i, -1}};
        for (qsizetype b = from; b < to; ++b) {
            const qsizetype j = openRight.at(b);
            const double score = WordSimilarity::similarity(leftWords.at(i), rightWords.at(j));
            if (score < WordSimilarity::threshold || score <= best[2].score)
                continue;
            best[2] = {score, i, j};
            std::sort(std::begin(best), std::end(best),
                [](const Candidate &x, const Candidate &y) { return x.score > y.score; });
        }
        for (const Candidate &candidate : best) {
            if (candidate.right >= 0)
                candidates.append(candidate);
        }
    }
    // Best first; ties in document order, so the result does not depend on the sort.
    std::stable_sort(candidates.begin(), candidates.end(),
        [](const Candidate &a, const Candidate &b) { return a.score > b.score; });
    for (const Candidate &candidate : std::as_const(candidates)) {
        if (partner.at(candidate.left) < 0 && !taken.at(candidate.right)) {
            partner[candidate.left] = candidate.right;
            taken[candidate.right] = true;
        }
    }
    return partner;
}

QString statusKey(const StatusToken &status)
{
    return TextKeys::normalizedKey(status.word);
}

// The sections whose entries decide the cutover: one side stating one alone is a disagreement.
bool isDecisive(Role role)
{
    return role == Role::Target || role == Role::Roles || role == Role::Outcome;
}

// The side a text speaks of: the one of "producer" and "consumer" it names, Unknown when it names
// both or neither.
DocumentSide sideSpokenOf(const QString &text)
{
    static const QRegularExpression producer(
        QStringLiteral("\\bproducer"), QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression consumer(
        QStringLiteral("\\bconsumer"), QRegularExpression::CaseInsensitiveOption);
    const bool namesProducer = producer.match(text).hasMatch();
    const bool namesConsumer = consumer.match(text).hasMatch();
    if (namesProducer == namesConsumer)
        return DocumentSide::Unknown;
    return namesProducer ? DocumentSide::Producer : DocumentSide::Consumer;
}

// Collects the findings of one comparison.
class Comparison
{
public:
    QList<CompareFinding> findings;
    DocumentSide leftSide = DocumentSide::Unknown;
    DocumentSide rightSide = DocumentSide::Unknown;

    void add(Severity severity, const QString &section, const QString &key, const QString &message,
        const Entry *left, const Entry *right)
    {
        CompareFinding finding;
        finding.severity = severity;
        finding.section = section;
        finding.key = key;
        finding.message = message;
        if (left) {
            finding.leftValue = left->value;
            finding.leftLine = left->line;
        }
        if (right) {
            finding.rightValue = right->value;
            finding.rightLine = right->line;
        }
        findings.append(finding);
    }

    void compareEntries(
        Role role, const QString &section, const QList<Entry> &left, const QList<Entry> &right)
    {
        const QList<qsizetype> partner = pairUp(
            left, right,
            // Prose meets prose in order; labelled items meet by label; an unlabelled item meets
            // the same item written the same way before any is paired by its words (which, on a
            // record of thousands of list items, are the compare's costliest step).
            [](const Entry &entry) {
                if (entry.isProse)
                    return QStringLiteral("\x01prose");
                return entry.key.isEmpty() ? QString(u'\x02' + entry.value) : entry.key;
            },
            [](const Entry &entry) {
                return entry.isProse ? QStringList() : WordSimilarity::significantWords(entry.text());
            });
        QList<bool> matched(right.size(), false);
        for (qsizetype i = 0; i < left.size(); ++i) {
            const Entry &l = left.at(i);
            if (partner.at(i) < 0) {
                oneSided(role, section, &l, nullptr);
                continue;
            }
            matched[partner.at(i)] = true;
            compareEntry(role, section, l, right.at(partner.at(i)));
        }
        for (qsizetype j = 0; j < right.size(); ++j) {
            if (!matched.at(j))
                oneSided(role, section, nullptr, &right.at(j));
        }
    }

    // An entry one side lacks. A runtime target field, a named role or an outcome that only one side
    // states is a disagreement on the target, on who holds the role or on the decision (blocking, by the
    // domain rules). What each side lists of its own is information: its evidence, its decision inputs,
    // prose, a residual risk that speaks of its own side only. Anything else is an item of a shared list
    // that the other side lacks (warning): a residual risk about the other side or both, a phase, a gate.
    void oneSided(Role role, const QString &section, const Entry *left, const Entry *right)
    {
        const Entry &entry = left ? *left : *right;
        const QString side = left ? QStringLiteral("left") : QStringLiteral("right");
        const DocumentSide speaker = left ? leftSide : rightSide;
        if (entry.isProse) {
            add(Severity::Info, section, {}, QStringLiteral("text only on the %1").arg(side), left, right);
        } else if (role == Role::Target) {
            add(Severity::Blocking, section, entry.name(),
                QStringLiteral("runtime target field only on the %1").arg(side), left, right);
        } else if (role == Role::Roles) {
            add(Severity::Blocking, section, entry.name(),
                QStringLiteral("named role only on the %1").arg(side), left, right);
        } else if (role == Role::Outcome) {
            add(Severity::Blocking, section, entry.name(), QStringLiteral("outcome only on the %1").arg(side),
                left, right);
        } else {
            const bool own = role == Role::Evidence || role == Role::Inputs ||
                (role == Role::Risks && speaker != DocumentSide::Unknown &&
                    sideSpokenOf(entry.text()) == speaker);
            add(own ? Severity::Info : Severity::Warning, section, entry.name(),
                QStringLiteral("only on the %1").arg(side), left, right);
        }
    }

    void compareEntry(Role role, const QString &section, const Entry &l, const Entry &r)
    {
        if (l.key == counterpartKey && r.key == counterpartKey) {
            // Each side names the other: they agree, whatever their labels say. A file name that is
            // not the compared file's is noted, so that a record pointing at another cutover's
            // mirror does not pass unseen.
            if (l.namesOtherFileAnew || r.namesOtherFileAnew)
                add(Severity::Info, section, l.name(),
                    QStringLiteral("names the other record by another file name"), &l, &r);
            return;
        }

        const QString key = l.isProse ? QString() : l.name();
        if (statusKey(l.status) != statusKey(r.status)) {
            const bool decides =
                role == Role::Outcome || (role == Role::Summary && l.key == u"recommendation");
            add(decides ? Severity::Blocking : Severity::Warning, section, key,
                decides ? QStringLiteral("outcome differs") : QStringLiteral("status differs"), &l, &r);
            return;
        }
        const bool sameValue = l.value.simplified() == r.value.simplified();
        if (role == Role::Target && !sameValue) {
            add(Severity::Blocking, section, key, QStringLiteral("runtime target differs"), &l, &r);
        } else if (role == Role::Roles &&
            TextKeys::normalizedKey(l.value) != TextKeys::normalizedKey(r.value)) {
            add(Severity::Blocking, section, key, QStringLiteral("role holder differs"), &l, &r);
        } else if (!sameValue) {
            add(Severity::Info, section, key,
                l.isProse ? QStringLiteral("text differs") : QStringLiteral("wording differs"), &l, &r);
        } else if (l.key != r.key) {
            Entry leftLabel = l;
            Entry rightLabel = r;
            leftLabel.value = l.label;
            rightLabel.value = r.label;
            add(Severity::Info, section, key, QStringLiteral("label differs"), &leftLabel, &rightLabel);
        }
    }

    // A section only one side has. The entries of one that decides the cutover are each stated by that
    // side alone (see oneSided); any other section is a note.
    void sectionOnly(const SectionView &view, bool left)
    {
        if (!isDecisive(view.role) || view.entries.isEmpty()) {
            sectionOnly(*view.section, left);
            return;
        }
        for (const Entry &entry : view.entries)
            oneSided(view.role, view.section->heading, left ? &entry : nullptr, left ? nullptr : &entry);
    }

    void sectionOnly(const Section &section, bool left)
    {
        const Entry heading{{}, {}, section.heading, {}, section.headingLine, false};
        add(Severity::Info, section.heading, {},
            QStringLiteral("section only on the %1")
                .arg(left ? QStringLiteral("left") : QStringLiteral("right")),
            left ? &heading : nullptr, left ? nullptr : &heading);
    }

    void compareSections(const SectionView &l, const SectionView &r)
    {
        if (l.section->key != r.section->key) {
            const Entry leftHeading{{}, {}, l.section->heading, {}, l.section->headingLine, false};
            const Entry rightHeading{{}, {}, r.section->heading, {}, r.section->headingLine, false};
            add(Severity::Info, l.section->heading, {}, QStringLiteral("heading differs"), &leftHeading,
                &rightHeading);
        }
        compareEntries(l.role, l.section->heading, l.entries, r.entries);
    }

    void compareHeaders(const Document &left, const Document &right)
    {
        auto entries = [](const Document &doc) {
            QList<Entry> out;
            for (const HeaderField &field : doc.headerFields)
                out.append(Entry{field.key.toCaseFolded(), field.key, field.value, {}, field.line, false});
            return out;
        };
        const QList<Entry> l = entries(left);
        const QList<Entry> r = entries(right);
        const QList<qsizetype> partner = pairUp(
            l, r, [](const Entry &entry) { return entry.key; }, [](const Entry &) { return QStringList(); });
        const QString section = QStringLiteral("Header");
        QList<bool> matched(r.size(), false);
        for (qsizetype i = 0; i < l.size(); ++i) {
            if (partner.at(i) < 0) {
                add(Severity::Info, section, l.at(i).label, QStringLiteral("only on the left"), &l.at(i),
                    nullptr);
                continue;
            }
            matched[partner.at(i)] = true;
            const Entry &other = r.at(partner.at(i));
            if (l.at(i).value.simplified() != other.value.simplified())
                add(Severity::Info, section, l.at(i).label, QStringLiteral("wording differs"), &l.at(i),
                    &other);
        }
        for (qsizetype j = 0; j < r.size(); ++j) {
            if (!matched.at(j))
                add(Severity::Info, section, r.at(j).label, QStringLiteral("only on the right"), nullptr,
                    &r.at(j));
        }
    }

    void compareAll(const QList<SectionView> &left, const QList<SectionView> &right)
    {
        QList<qsizetype> partner(left.size(), -1);
        QList<bool> taken(right.size(), false);
        auto pass = [&](auto matches) {
            for (qsizetype i = 0; i < left.size(); ++i) {
                for (qsizetype j = 0; partner.at(i) < 0 && j < right.size(); ++j) {
                    if (!taken.at(j) && matches(left.at(i), right.at(j))) {
                        partner[i] = j;
                        taken[j] = true;
                    }
                }
            }
        };
        pass([](const SectionView &a, const SectionView &b) { return a.section->key == b.section->key; });
        pass([](const SectionView &a, const SectionView &b) {
            return a.role != Role::Other && a.role == b.role;
        });
        // What is left: renamed sections, by the words of their headings. A section that decides the
        // cutover and found none of its kind on the other side stays alone, whatever its heading's words.
        QList<SectionView> restLeft;
        QList<SectionView> restRight;
        QList<qsizetype> leftIndex;
        QList<qsizetype> rightIndex;
        for (qsizetype i = 0; i < left.size(); ++i) {
            if (partner.at(i) < 0 && !isDecisive(left.at(i).role)) {
                restLeft.append(left.at(i));
                leftIndex.append(i);
            }
        }
        for (qsizetype j = 0; j < right.size(); ++j) {
            if (!taken.at(j) && !isDecisive(right.at(j).role)) {
                restRight.append(right.at(j));
                rightIndex.append(j);
            }
        }
        const QList<qsizetype> renamed = pairUp(
            restLeft, restRight, [](const SectionView &) { return QString(); },
            [](const SectionView &view) { return WordSimilarity::significantWords(view.section->key); });
        for (qsizetype k = 0; k < renamed.size(); ++k) {
            if (renamed.at(k) >= 0) {
                partner[leftIndex.at(k)] = rightIndex.at(renamed.at(k));
                taken[rightIndex.at(renamed.at(k))] = true;
            }
        }
        for (qsizetype i = 0; i < left.size(); ++i) {
            if (partner.at(i) < 0)
                sectionOnly(left.at(i), true);
            else
                compareSections(left.at(i), right.at(partner.at(i)));
        }
        for (qsizetype j = 0; j < right.size(); ++j) {
            if (!taken.at(j))
                sectionOnly(right.at(j), false);
        }
    }
};

const SectionView *firstWithRole(const QList<SectionView> &views, Role role)
{
    for (const SectionView &view : views) {
        if (view.role == role)
            return &view;
    }
    return nullptr;
}

// Record against checkpoint: what the two kinds share.
void compareAcrossKinds(Comparison &comparison, const QList<SectionView> &left, const RecordFacts &leftFacts,
    const QList<SectionView> &right, const RecordFacts &rightFacts, bool recordOnLeft)
{
    const SectionView *leftTarget = firstWithRole(left, Role::Target);
    const SectionView *rightTarget = firstWithRole(right, Role::Target);
    if (leftTarget && rightTarget)
        comparison.compareSections(*leftTarget, *rightTarget);
    else if (leftTarget || rightTarget)
        comparison.sectionOnly(*(leftTarget ? leftTarget : rightTarget), leftTarget != nullptr);

    const FactField *outcome = DecisiveFacts::outcome(recordOnLeft ? leftFacts : rightFacts);
    const FactField *recommended = DecisiveFacts::recommendation(recordOnLeft ? rightFacts : leftFacts);
    const SectionView *outcomeSection = firstWithRole(recordOnLeft ? left : right, Role::Outcome);
    const SectionView *summarySection = firstWithRole(recordOnLeft ? right : left, Role::Summary);
    const QString section = recordOnLeft ? (outcomeSection ? outcomeSection->section->heading : QString())
                                         : (summarySection ? summarySection->section->heading : QString());
    if (!outcome && !recommended)
        return;
    const Entry recordEntry = outcome ? entryOf(*outcome) : Entry{};
    const Entry checkpointEntry = recommended ? entryOf(*recommended) : Entry{};
    const Entry *l =
        recordOnLeft ? (outcome ? &recordEntry : nullptr) : (recommended ? &checkpointEntry : nullptr);
    const Entry *r =
        recordOnLeft ? (recommended ? &checkpointEntry : nullptr) : (outcome ? &recordEntry : nullptr);
    const QString key = outcome ? outcome->key : recommended->key;
    if (!l || !r) {
        comparison.add(Severity::Blocking, section, key,
            outcome ? QStringLiteral("the checkpoint has no recommendation")
                    : QStringLiteral("the record has no outcome"),
            l, r);
    } else if (statusKey(outcome->status) != statusKey(recommended->status)) {
        comparison.add(Severity::Blocking, section, key,
            QStringLiteral("outcome differs from the checkpoint's recommendation"), l, r);
    }
}

QString fileName(const Document &doc)
{
    return QFileInfo(doc.fileName).fileName();
}

// "a decision record", "an addendum", as a sentence names a known kind.
QString kindPhrase(DocumentKind kind)
{
    const QString name = kindName(kind).replace(u'-', u' ');
    return (name.startsWith(u'a') ? QStringLiteral("an ") : QStringLiteral("a ")) + name;
}

} // namespace

QString StructuralCompare::notComparable(const Document &left, const Document &right)
{
    const QString leftName = fileName(left).isEmpty() ? QStringLiteral("the left file") : fileName(left);
    const QString rightName = fileName(right).isEmpty() ? QStringLiteral("the right file") : fileName(right);
    const bool leftUnknown = left.kind == DocumentKind::Unknown;
    const bool rightUnknown = right.kind == DocumentKind::Unknown;
    if (leftUnknown && rightUnknown)
        return QStringLiteral("neither %1 nor %2 is a cutover record").arg(leftName, rightName);
    if (leftUnknown || rightUnknown)
        return QStringLiteral("%1 is not a cutover record").arg(leftUnknown ? leftName : rightName);
    const bool shareSomething = left.kind == right.kind || (isRecord(left.kind) && isRecord(right.kind)) ||
        (isRecord(left.kind) && right.kind == DocumentKind::CheckpointPacket) ||
        (left.kind == DocumentKind::CheckpointPacket && isRecord(right.kind));
    if (shareSomething)
        return {};
    return QStringLiteral("%1 is %2 and %3 %4: the two have nothing in common")
        .arg(leftName, kindPhrase(left.kind), rightName, kindPhrase(right.kind));
}

QList<CompareFinding> StructuralCompare::compare(const Document &left, const Document &right)
{
    if (const QString reason = notComparable(left, right); !reason.isEmpty()) {
        CompareFinding finding;
        finding.severity = Severity::NotComparable;
        finding.section = QStringLiteral("Kind");
        finding.message = reason;
        finding.leftValue = kindName(left.kind);
        finding.rightValue = kindName(right.kind);
        return {finding};
    }
    const RecordFacts leftFacts = RecordFacts::extract(left);
    const RecordFacts rightFacts = RecordFacts::extract(right);
    const QList<SectionView> leftViews = viewsOf(left, leftFacts, Other{fileName(right), right.kind});
    const QList<SectionView> rightViews = viewsOf(right, rightFacts, Other{fileName(left), left.kind});
    Comparison comparison;
    comparison.leftSide = left.side;
    comparison.rightSide = right.side;
    const bool leftIsCheckpoint = left.kind == DocumentKind::CheckpointPacket;
    const bool rightIsCheckpoint = right.kind == DocumentKind::CheckpointPacket;
    if ((isRecord(left.kind) && rightIsCheckpoint) || (leftIsCheckpoint && isRecord(right.kind))) {
        compareAcrossKinds(comparison, leftViews, leftFacts, rightViews, rightFacts, isRecord(left.kind));
    } else {
        comparison.compareHeaders(left, right);
        comparison.compareAll(leftViews, rightViews);
    }
    return comparison.findings;
}

} // namespace Countersign
