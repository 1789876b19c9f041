// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "base/error.h"
#include "base/jsonwriter.h"
#include "compare/comparefinding.h"
#include "record/document.h"
#include "record/recordfacts.h"

#include <QByteArray>
#include <QFuture>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace Countersign {

// Checks a set of documents as the cutovers they belong to. Paths are files or folders (searched
// recursively for *.md); every file under a folder counts as present when a decision input names it,
// matched by file name since each team roots its paths in its own checkout. Documents are grouped by
// cutover date (the file name's `_YYYY-MM-DD`, else the `Updated:` header), and each group is checked
// for: documents disagreeing on a runtime target field (blocking); a GO outcome or recommendation
// while a checkpoint gate is FAIL (blocking); a sign-off requested by a checkpoint from someone the
// record's Ownership does not name (blocking: the sides disagree on who holds the roles); a WARN gate
// that no residual risk or open item mentions (warning); a decision input naming a file not present
// (warning). A file that cannot be loaded becomes an Error naming it and the check goes on with the
// others; markdown files of unknown kind are listed as ignored. A run that found no cutover document
// at all checked nothing: its one finding is not-comparable, "no cutover records found in PATHS".
// A run can report its progress and be cancelled (for a worker thread): see run().
class CutoverCheck
{
public:
    static constexpr int jsonSchemaVersion = 1;

    // What verifying a finalized export found (FinalizedRecord::verify, with the trust folder found
    // beside the file, as `countersign verify` checks it): Final only when its digests and signatures
    // hold, every role's sign-off counts, and a trust folder said who may sign. A file that merely
    // lacks the NOT FINAL banner is not called final.
    enum class ExportState { Final, OpenSignOffs, SignersUnchecked, DoesNotVerify };

    struct Member
    {
        QString file; // as found: the given path, or the folder joined with the path below it
        DocumentKind kind = DocumentKind::Unknown;
        DocumentSide side = DocumentSide::Unknown;
        RecordFacts facts;
        QString digest; // CanonicalContent::digest of its text (a finalized export's is its record's)
        // Countersign's finalized export of a record (the text carries an exported sign-off block), and
        // what verifying it found.
        bool isExport = false;
        ExportState exportState = ExportState::OpenSignOffs;
        QString exportProblem; // why it does not verify (ExportState::DoesNotVerify)
        friend bool operator==(const Member &, const Member &) = default;
    };
    struct Group
    {
        QString date; // YYYY-MM-DD, or "undated"
        QList<Member> members; // decision records, mirrors, checkpoints, addenda; then by file
        friend bool operator==(const Group &, const Group &) = default;
    };

    // How far a run has come, told from the thread running it: `done` of `total` markdown files
    // read; `total` is 0 while the folders are still being listed.
    using Progress = std::function<void(int done, int total)>;

    // `cancel` is checked while listing and before each file: a cancelled run stops there and
    // returns a check that isCancelled() and holds nothing else.
    static CutoverCheck run(const QStringList &paths,
        const std::optional<QFuture<void>> &cancel = std::nullopt, const Progress &progress = {});

    // The cutover date of a document: the file name's `_YYYY-MM-DD` (or `-YYYY-MM-DD`), else the first
    // date of its `Updated:` header, else "undated".
    static QString cutoverDate(const Document &doc);

    const QList<Group> &groups() const { return m_groups; }
    const QList<CompareFinding> &findings() const { return m_findings; }
    const QList<Error> &errors() const { return m_errors; }
    const QStringList &ignored() const { return m_ignored; }
    bool isCancelled() const { return m_cancelled; }
    CompareSummary summary() const { return CompareSummary::of(m_findings); }
    // The summary's headline, led by "Incomplete: N file(s) could not be read." when some could not.
    QString headline() const;
    // 2 when a file could not be loaded or no cutover record was found, 1 for blocking findings, else 0.
    int exitCode() const;

    // The headline, the groups with their documents, the ignored files, then every finding.
    QString toText() const;
    // {"schema", "aligned", "headline", "counts", "groups": [{"date", "documents": [{"file", "kind",
    // "side"}]}], "ignored": [...], "errors": [{"file", "line", "message"}], "findings": [...]}
    QByteArray toJson(JsonWriter::Style style = JsonWriter::Style::Compact) const;

private:
    void checkGroup(const Group &group, const QSet<QString> &presentNames);

    QList<Group> m_groups;
    QList<CompareFinding> m_findings;
    QList<Error> m_errors;
    QStringList m_ignored;
    bool m_cancelled = false;
};

} // namespace Countersign
