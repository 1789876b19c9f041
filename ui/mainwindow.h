#pragma once

#include <QMainWindow>
#include <QStringList>

namespace Countersign {

class RecordPane;

// The application window: two record panes side by side (left, right). Loading errors are shown in
// the pane and, for interactive opens, in a message box naming the file; they never close the window.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);

    // Loads `path` into the left (0) or right (1) pane. Returns the error text, empty on success.
    QString openFile(int side, const QString &path);
    RecordPane *pane(int side) const;

private:
    void chooseFile(int side);

    RecordPane *m_panes[2];
};

} // namespace Countersign
