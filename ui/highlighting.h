#pragma once

#include <KSyntaxHighlighting/Definition>
#include <KSyntaxHighlighting/Theme>
#include <QPalette>
#include <QStringList>

namespace KSyntaxHighlighting {
class Repository;
}

namespace Countersign {

// The application's one long-lived KSyntaxHighlighting repository (loading definitions is costly, so
// it is created on first use and kept), and the choice of theme: a highlighter without a valid theme
// paints text invisibly, so themeFor() always returns a valid one.
class Highlighting
{
public:
    static KSyntaxHighlighting::Repository &repository();
    static KSyntaxHighlighting::Definition markdown();
    // The theme that suits the palette (a dark one for a dark base colour), never an invalid one.
    static KSyntaxHighlighting::Theme themeFor(const QPalette &palette);
    // The names of the installed themes, sorted.
    static QStringList themeNames();
};

} // namespace Countersign
