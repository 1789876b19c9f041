// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// Sound values for every field the built-in templates declare (the samples' cutover of 2026-02-08),
// for the template tests of core and of the window.
#include <QHash>
#include <QString>

namespace TestSupport {

inline QHash<QString, QString> soundTemplateValues()
{
    return {
        {QStringLiteral("date"), QStringLiteral("2026-02-08")},
        {QStringLiteral("consumer_team"), QStringLiteral("AssistSupport")},
        {QStringLiteral("producer_team"), QStringLiteral("MemoryKernel")},
        {QStringLiteral("team"), QStringLiteral("AssistSupport")},
        {QStringLiteral("side"), QStringLiteral("Consumer")},
        {QStringLiteral("phase"), QStringLiteral("8")},
        {QStringLiteral("release_tag"), QStringLiteral("v0.4.0")},
        {QStringLiteral("commit_sha"), QStringLiteral("7e4806a34b98e6c06ee33fa9f11499a975e7b922")},
        {QStringLiteral("service_contract_version"), QStringLiteral("service.v3")},
        {QStringLiteral("api_contract_version"), QStringLiteral("api.v1")},
        {QStringLiteral("integration_baseline"), QStringLiteral("integration/v1")},
        {QStringLiteral("producer_incident_commander"), QStringLiteral("MemoryKernel Producer On-Call Lead")},
        {QStringLiteral("consumer_incident_commander"), QStringLiteral("Support Platform On-Call Lead")},
        {QStringLiteral("producer_rollback_owner"), QStringLiteral("MemoryKernel Release Owner")},
        {QStringLiteral("consumer_rollback_owner"),
            QStringLiteral("AssistSupport Runtime Integrations Owner")},
        {QStringLiteral("decision_log_owner"), QStringLiteral("Integration Program Owner")},
        {QStringLiteral("incident_commander"), QStringLiteral("Support Platform On-Call Lead")},
        {QStringLiteral("rollback_owner"), QStringLiteral("AssistSupport Runtime Integrations Owner")},
        {QStringLiteral("checkpoint_id"), QStringLiteral("AS-CUTOVER-CP-2026-02-08")},
        {QStringLiteral("consumer_checkpoint"),
            QStringLiteral("docs/implementation/SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_2026-02-08.md")},
        {QStringLiteral("producer_checkpoint"),
            QStringLiteral("MemoryKernel/docs/implementation/"
                           "SERVICE_V3_CUTOVER_DECISION_CHECKPOINT_PRODUCER_2026-02-08.md")},
        {QStringLiteral("consumer_record"),
            QStringLiteral(
                "AssistSupport/docs/implementation/RUNTIME_CUTOVER_DECISION_RECORD_2026-02-08.md")},
        {QStringLiteral("stabilization_end_date"), QStringLiteral("2026-02-22")},
    };
}

} // namespace TestSupport
