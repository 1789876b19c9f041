// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#pragma once

// Shared by the benchmarks that time the window in process (bench_typing, bench_longline): when a
// frame of the window was painted.
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>
#include <QWidget>

// A 1x1 child on top of the window: it is painted last whenever the window is, so the time of its
// paint event is the time the frame was painted. arm() starts watching; waitForPaint() runs the
// event loop until the first paint since then (at once if it came already, e.g. inside show()).
class PaintProbe : public QWidget
{
public:
    explicit PaintProbe(QWidget *window, const QElapsedTimer &clock)
        : QWidget(window)
        , m_clock(clock)
    {
        setAttribute(Qt::WA_TransparentForMouseEvents);
        setGeometry(0, 0, 1, 1);
        raise();
    }

    void arm() { m_painted = -1; }

    // The clock's time of the first paint since arm(), in ms; ends the program after `timeout` ms
    // without one.
    double waitForPaint(int timeout)
    {
        if (m_painted < 0) {
            QEventLoop loop;
            m_loop = &loop;
            QTimer::singleShot(timeout, &loop, [] { qFatal("the window was not painted"); });
            update();
            loop.exec();
            m_loop = nullptr;
        }
        return m_painted;
    }

protected:
    void paintEvent(QPaintEvent *) override
    {
        if (m_painted >= 0)
            return;
        m_painted = double(m_clock.nsecsElapsed()) / 1e6;
        if (m_loop)
            m_loop->quit();
    }

private:
    const QElapsedTimer &m_clock;
    QEventLoop *m_loop = nullptr;
    double m_painted = 0; // not armed
};
