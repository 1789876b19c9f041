// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

#include "review/riskreview.h"

#include <QColor>
#include <QWidget>

namespace Countersign {

// The outcome of a risk review at a glance, for a shared screen: a ring split by decision (accepted,
// mitigated, needs action, still open) with the number decided in its middle, and a legend with the
// counts and how many items were carried over from the previous record. Painted with QPainter.
class RiskSummaryChart : public QWidget
{
    Q_OBJECT
public:
    explicit RiskSummaryChart(QWidget *parent = nullptr);

    void setSummary(const RiskSummary &summary);
    const RiskSummary &summary() const { return m_summary; }

    // The colour of a decision, the same wherever a review shows it.
    static QColor color(RiskDecision decision);
    static QColor openColor();

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    RiskSummary m_summary;
};

} // namespace Countersign
