#include "mainwindow.h"

#include "documentloader.h"
#include "recordpane.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSplitter>
#include <QStatusBar>

namespace Countersign {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
{
    setWindowTitle(tr("Countersign"));
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    m_panes[0] = new RecordPane(tr("Left"), splitter);
    m_panes[1] = new RecordPane(tr("Right"), splitter);
    splitter->addWidget(m_panes[0]);
    splitter->addWidget(m_panes[1]);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setChildrenCollapsible(false);
    setCentralWidget(splitter);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *openLeft = file->addAction(tr("Open &Left..."), this, [this] { chooseFile(0); });
    openLeft->setShortcut(QKeySequence::Open);
    QAction *openRight = file->addAction(tr("Open &Right..."), this, [this] { chooseFile(1); });
    openRight->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Countersign"), this, [this] {
        QMessageBox::about(this, tr("About Countersign"),
            tr("Countersign %1\nCompare, sign off and export bilateral release cutover records.")
                .arg(QApplication::applicationVersion()));
    });
    statusBar()->showMessage(tr("Open the producer's and the consumer's record (Ctrl+O, Ctrl+Shift+O)."));
    resize(1400, 860);
}

RecordPane *MainWindow::pane(int side) const
{
    return m_panes[side == 0 ? 0 : 1];
}

QString MainWindow::openFile(int side, const QString &path)
{
    const Result<Document> doc = DocumentLoader::load(path);
    if (!doc) {
        const QString message = doc.error().toString();
        pane(side)->showError(message);
        statusBar()->showMessage(message);
        return message;
    }
    pane(side)->showDocument(doc.value());
    statusBar()->showMessage(tr("Opened %1").arg(path));
    return {};
}

void MainWindow::chooseFile(int side)
{
    const QString path =
        QFileDialog::getOpenFileName(this, side == 0 ? tr("Open Left Record") : tr("Open Right Record"), {},
            tr("Markdown records (*.md *.markdown);;All files (*)"));
    if (path.isEmpty())
        return;
    if (const QString error = openFile(side, path); !error.isEmpty())
        QMessageBox::warning(this, tr("Cannot open record"), error);
}

} // namespace Countersign
