// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// bench_parse's input: a deterministic record (seeded QRandomGenerator) shaped like the samples in
// resources/samples. header() gives the title and the Updated:/Owner: lines; group() appends one
// group of sections (decision outcome, runtime target, named roles, decision inputs, GFM gate table,
// completion evidence with prose and the odd fenced block, residual risks, ...), to be repeated
// until the wanted size is reached. The same seed gives the same bytes.
#include <QByteArray>
#include <QRandomGenerator>

#include <array>
#include <cstddef>

namespace Bench {

template<typename T, size_t N>
const T &pick(QRandomGenerator &rng, const std::array<T, N> &items)
{
    return items[rng.bounded(quint32(N))];
}

class RecordGenerator
{
public:
    explicit RecordGenerator(quint32 seed)
        : m_rng(seed)
    { }

    QByteArray header()
    {
        return QByteArrayLiteral("# Runtime Cutover Decision Record\n\n"
                                 "Updated: 2026-02-08  \n"
                                 "Owner: AssistSupport + MemoryKernel (bilateral)\n\n");
    }

    // One repeated group of sections; n numbers it (release tags, run ids, labels).
    void group(QByteArray &out, int n)
    {
        const QByteArray num = QByteArray::number(n);

        out += "## Decision Scope\n";
        paragraph(out, between(2, 4));
        out += '\n';

        out += "## Decision Outcome\n";
        const int outcomes = between(2, 5);
        for (int i = 1; i <= outcomes; ++i) {
            const int roll = between(1, 20);
            const char *status = roll == 1 ? "NO-GO" : roll == 2 ? "HOLD" : "GO";
            out += QByteArray::number(i) + ". " + pick(m_rng, outcomeLabels) + ' ' + num + ": **" + status +
                "**\n";
        }
        out += '\n';

        out += "## Approved Runtime Target\n";
        out += "- release_tag: `v0.4." + num + "`\n";
        out += "- commit_sha: `" + hex(40) + "`\n";
        out += "- service_contract_version: `service.v" + QByteArray::number(between(2, 4)) + "`\n";
        out += "- api_contract_version: `api.v" + QByteArray::number(between(1, 2)) + "`\n";
        out += "- integration_baseline: `integration/v" + QByteArray::number(between(1, 3)) + "`\n\n";

        out += "## Ownership (Named Roles)\n";
        const int roles = between(3, 6);
        for (int i = 0; i < roles; ++i) {
            out += QByteArray("- ") + pick(m_rng, components) + ' ' + pick(m_rng, roleNames) +
                " role: " + pick(m_rng, holders) + '\n';
        }
        out += '\n';

        out += "## Decision Inputs\n";
        const int inputs = between(2, 4);
        for (int i = 0; i < inputs; ++i) {
            out += QByteArray("- ") + pick(m_rng, inputLabels) + ":\n";
            const int paths = between(1, 2);
            for (int p = 0; p < paths; ++p) {
                out += QByteArray("  - `") + pick(m_rng, pathPrefixes) + pick(m_rng, documentNames) +
                    "_2026-02-" + twoDigits(between(1, 28)) + ".md`\n";
            }
        }
        out += '\n';

        out += "## Gate Results\n"
               "| Gate | Status | Evidence |\n"
               "|------|--------|----------|\n";
        const int gates = between(4, 8);
        for (int i = 0; i < gates; ++i) {
            const char *status = between(1, 6) == 1 ? "WARN" : "PASS";
            out +=
                QByteArray("| ") + pick(m_rng, gateNames) + " | **" + status + "** | " + evidence() + " |\n";
        }
        out += '\n';

        out += "## Runtime Cutover Completion Evidence\n";
        const int items = between(3, 5);
        for (int i = 1; i <= items; ++i) {
            out += QByteArray::number(i) + ". ";
            sentence(out);
            out += " (`" + hex(7) + "`).\n";
        }
        out += '\n';
        paragraph(out, between(2, 5));
        out += '\n';
        if (between(1, 3) == 1)
            fence(out, n);

        out += "## Residual Risks (Non-blocking)\n";
        const int risks = between(2, 4);
        for (int i = 1; i <= risks; ++i)
            out += QByteArray::number(i) + ". " + pick(m_rng, riskTexts) + '\n';
        out += '\n';

        if (n % 3 == 0) {
            out += "## Open Items\n";
            const int open = between(1, 3);
            for (int i = 1; i <= open; ++i) {
                out += QByteArray::number(i) + ". ";
                sentence(out);
                out += ".\n";
            }
            out += '\n';
        }
        if (n % 4 == 0) {
            out += "## Phase Status Mapping\n"
                   "- Phase 7: **Closed**\n"
                   "- Phase 8: **Complete**\n"
                   "- Phase 9: **Active (stabilization window)**\n\n";
        }
    }

private:
    int between(int low, int high) { return m_rng.bounded(low, high + 1); }

    QByteArray hex(int digits)
    {
        static constexpr char alphabet[] = "0123456789abcdef";
        QByteArray out(digits, '0');
        for (char &c : out)
            c = alphabet[m_rng.bounded(16)];
        return out;
    }

    static QByteArray twoDigits(int value) { return QByteArray::number(value).rightJustified(2, '0'); }

    QByteArray evidence()
    {
        switch (between(1, 5)) {
        case 1:
            return "`ci/assistsupport/run/" + QByteArray::number(between(20000, 29999)) + '`';
        case 2:
            return "`manifests/error-codes.v" + QByteArray::number(between(2, 4)) + ".json`";
        case 3:
            return QByteArray::number(between(3, 9)) + "m " + QByteArray::number(between(10, 59)) +
                "s, within 10m budget";
        case 4:
            return "p99 +" + QByteArray::number(between(3, 25)) + "% during cache warm-up";
        default:
            return "[dashboard](https://grafana.example.com/d/cutover-" +
                QByteArray::number(between(1, 999)) + ')';
        }
    }

    // A sentence without its final period, now and then with inline code or bold.
    void sentence(QByteArray &out)
    {
        out += pick(m_rng, openings);
        const int words = between(6, 16);
        for (int i = 0; i < words; ++i) {
            out += ' ';
            const int roll = between(1, 24);
            if (roll == 1)
                out += QByteArray("`") + pick(m_rng, codeWords) + '`';
            else if (roll == 2)
                out += QByteArray("**") + pick(m_rng, boldWords) + "**";
            else if (roll == 3)
                out += pick(m_rng, holders);
            else
                out += pick(m_rng, words_);
        }
    }

    // Prose wrapped near 100 columns, as the samples are.
    void paragraph(QByteArray &out, int sentences)
    {
        QByteArray text;
        for (int i = 0; i < sentences; ++i) {
            if (i)
                text += ' ';
            sentence(text);
            text += '.';
        }
        qsizetype lineStart = 0;
        qsizetype lastSpace = -1;
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text[i] == ' ')
                lastSpace = i;
            if (i - lineStart >= 100 && lastSpace > lineStart) {
                text[lastSpace] = '\n';
                lineStart = lastSpace + 1;
            }
        }
        out += text + '\n';
    }

    void fence(QByteArray &out, int n)
    {
        const QByteArray num = QByteArray::number(n);
        if (between(1, 2) == 1) {
            out += "```sh\n"
                   "git tag -v v0.4." +
                num +
                "\n"
                "countersign lint docs/implementation/*.md\n"
                "kubectl rollout status deploy/assistsupport-runtime --timeout=10m\n"
                "curl -fsS https://runtime.internal/healthz | jq .service_contract_version\n"
                "```\n\n";
        } else {
            out += "```json\n"
                   "{\n"
                   "  \"release_tag\": \"v0.4." +
                num +
                "\",\n"
                "  \"commit_sha\": \"" +
                hex(40) +
                "\",\n"
                "  \"gates\": {\"passed\": " +
                QByteArray::number(between(4, 8)) + ", \"warned\": " + QByteArray::number(between(0, 2)) +
                "}\n"
                "}\n"
                "```\n\n";
        }
    }

    static constexpr std::array<const char *, 8> outcomeLabels = {"Rehearsal continuation",
        "Runtime cutover execution", "Schema migration", "Traffic shift to 50%", "Traffic shift to 100%",
        "Legacy endpoint retirement", "Cache repin", "Producer baseline publication"};
    static constexpr std::array<const char *, 6> components = {
        "MemoryKernel", "AssistSupport", "LedgerSync", "NotifyHub", "SearchIndex", "Joint"};
    static constexpr std::array<const char *, 6> roleNames = {"incident commander", "rollback owner",
        "decision log owner", "release owner", "change approver", "communications lead"};
    // Mostly the samples' role holders, with a few people whose names are not ASCII.
    static constexpr std::array<const char *, 12> holders = {"MemoryKernel Producer On-Call Lead",
        "Support Platform On-Call Lead", "MemoryKernel Release Owner",
        "AssistSupport Runtime Integrations Owner", "Integration Program Owner",
        "Release Engineering Duty Manager", "Platform SRE Lead", "Data Services Owner", "Zoë Lindqvist",
        "José Álvarez", "Łukasz Wróbel", "Søren Østergaard"};
    static constexpr std::array<const char *, 7> inputLabels = {"Consumer checkpoint packet",
        "Producer checkpoint packet", "Producer decision mirror", "Producer addendum", "Rollback runbook",
        "Load test report", "Consumer decision record"};
    static constexpr std::array<const char *, 4> pathPrefixes = {"docs/implementation/",
        "MemoryKernel/docs/implementation/", "AssistSupport/docs/implementation/",
        "/Users/d/Projects/MemoryKernel/docs/implementation/"};
    static constexpr std::array<const char *, 5> documentNames = {"SERVICE_V3_CUTOVER_DECISION_CHECKPOINT",
        "SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER", "RUNTIME_CUTOVER_DECISION_RECORD",
        "RUNTIME_CUTOVER_DECISION_RECORD_PRODUCER_MIRROR", "JOINT_DECISION_STATUS_ADDENDUM"};
    static constexpr std::array<const char *, 9> gateNames = {"Consumer contract tests against `service.v3`",
        "Error-code manifest parity", "Deterministic fallback path", "Rollback drill to `v0.3.2`",
        "Load test at 2x peak", "Schema migration dry run", "Canary error budget",
        "Security scan of release image", "Dependency license audit"};
    static constexpr std::array<const char *, 6> riskTexts = {
        "Standard post-cutover regression risk mitigated by deterministic fallback and rollback readiness.",
        "Future additive error-code changes still require lead-time policy and manifest updates.",
        "Consumer cache warm-up after repin adds up to 90s of elevated p99 latency.",
        "Producer schema migration is one-way once the legacy tables are dropped.",
        "On-call coverage during the stabilization window relies on a single MemoryKernel owner.",
        "Synthetic load does not exercise the bulk import path; first nightly import is watched live."};
    static constexpr std::array<const char *, 8> openings = {"Consumer verification", "The producer",
        "Rollback readiness", "Governance evidence", "The cutover rehearsal", "Traffic shift",
        "Error-code parity", "The joint decision log"};
    static constexpr std::array<const char *, 6> codeWords = {"service.v3", "api.v1", "integration/v1",
        "v0.3.2", "error-codes.v3.json", "deploy/assistsupport-runtime"};
    static constexpr std::array<const char *, 4> boldWords = {"GO", "PASS", "WARN", "non-blocking"};
    static constexpr std::array<const char *, 40> words_ = {"was", "is", "remains", "verified", "against",
        "the", "new", "baseline", "after", "repin", "with", "green", "suites", "at", "cutover", "close",
        "and", "rollback", "drill", "completed", "within", "budget", "while", "consumer", "producer",
        "governance", "bundle", "regenerated", "for", "deterministic", "fallback", "evidence", "refreshed",
        "latency", "window", "tracked", "owner", "signed", "off", "before"};

    QRandomGenerator m_rng;
};

} // namespace Bench
