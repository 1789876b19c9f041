#include "highlighting.h"

#include <KSyntaxHighlighting/Repository>

namespace Countersign {

KSyntaxHighlighting::Repository &Highlighting::repository()
{
    static KSyntaxHighlighting::Repository instance;
    return instance;
}

KSyntaxHighlighting::Definition Highlighting::markdown()
{
    return repository().definitionForName(QStringLiteral("Markdown"));
}

KSyntaxHighlighting::Theme Highlighting::themeFor(const QPalette &palette)
{
    KSyntaxHighlighting::Theme theme = repository().themeForPalette(palette);
    if (!theme.isValid()) {
        const bool dark = palette.color(QPalette::Base).lightness() < 128;
        theme = repository().defaultTheme(
            dark ? KSyntaxHighlighting::Repository::DarkTheme : KSyntaxHighlighting::Repository::LightTheme);
    }
    return theme;
}

QStringList Highlighting::themeNames()
{
    QStringList names;
    for (const KSyntaxHighlighting::Theme &theme : repository().themes())
        names.append(theme.name());
    names.sort(Qt::CaseInsensitive);
    return names;
}

} // namespace Countersign
