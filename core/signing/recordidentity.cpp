// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

#include "signing/recordidentity.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

#include <optional>

namespace Countersign {

namespace {

// The file's absolute path with symbolic links resolved: the file's own when it exists, else its
// folder's (a record not saved yet), else just absolute.
QString resolvedPath(const QString &filePath)
{
    const QFileInfo info(filePath);
    const QString canonical = info.canonicalFilePath();
    if (!canonical.isEmpty())
        return canonical;
    const QString folder = QFileInfo(info.absolutePath()).canonicalFilePath();
    return folder.isEmpty() ? info.absoluteFilePath() : QDir(folder).filePath(info.fileName());
}

QString readTrimmed(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(file.read(64 * 1024)).trimmed();
}

// The folder holding the config of the repository at `root`: `.git` itself, or what a `.git` file
// ("gitdir: PATH", a worktree or submodule) points to, or that folder's common folder (`commondir`,
// a worktree's main repository).
QString configFolder(const QString &root)
{
    const QString dotGit = QDir(root).filePath(QStringLiteral(".git"));
    const QFileInfo dotGitInfo(dotGit);
    QString gitDir;
    if (dotGitInfo.isDir()) {
        gitDir = dotGit;
    } else if (dotGitInfo.isFile()) {
        const QString content = readTrimmed(dotGit);
        static const QRegularExpression gitdirLine(
            QStringLiteral("^gitdir:\\s*(.+)$"), QRegularExpression::MultilineOption);
        const QRegularExpressionMatch match = gitdirLine.match(content);
        if (!match.hasMatch())
            return {};
        gitDir = QDir::cleanPath(QDir(root).absoluteFilePath(match.captured(1).trimmed()));
    } else {
        return {};
    }
    const QString commonDir = readTrimmed(QDir(gitDir).filePath(QStringLiteral("commondir")));
    if (!commonDir.isEmpty())
        return QDir::cleanPath(QDir(gitDir).absoluteFilePath(commonDir));
    return gitDir;
}

// A reader of git's config syntax (git-config(1), CONFIGURATION FILE), enough to find one variable:
// `[section "subsection"]` and the deprecated `[section.subsection]` headers, case-insensitive
// section and variable names, `;` and `#` comments, quoted values with their escapes and line
// continuations. `[include]` and `[includeIf]` are not followed.
class GitConfigReader
{
public:
    explicit GitConfigReader(const QString &text)
        : m_text(text)
    {
        m_text.replace(QStringLiteral("\r\n"), QStringLiteral("\n")); // as git reads it
        if (m_text.startsWith(QChar(0xFEFF)))
            m_pos = 1;
    }

    // Every value of `section.subsection.name`, in file order (`section` and `name` lower-case). An
    // empty value clears the ones before it, as git does for a remote's urls.
    QStringList values(const QString &section, const QString &subsection, const QString &name)
    {
        QStringList result;
        QString currentSection;
        QString currentSubsection;
        while (skipSpaceAndComments()) {
            const QChar c = m_text.at(m_pos);
            if (c == u'[') {
                if (!readSectionHeader(currentSection, currentSubsection))
                    return result; // git stops at a broken line too
            } else if (c.isLetter()) {
                QString key;
                std::optional<QString> value;
                if (!readVariable(key, value))
                    return result;
                if (currentSection == section && currentSubsection == subsection && key == name && value) {
                    if (value->isEmpty())
                        result.clear();
                    else
                        result.append(*value);
                }
            } else {
                return result;
            }
        }
        return result;
    }

private:
    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek() const { return atEnd() ? QChar() : m_text.at(m_pos); }
    static bool isSpace(QChar c) { return c == u' ' || c == u'\t' || c == u'\r' || c == u'\v' || c == u'\f'; }

    void skipToLineEnd()
    {
        while (!atEnd() && m_text.at(m_pos) != u'\n')
            ++m_pos;
    }

    // Skips white space, line ends and comment lines; false at the end of the text.
    bool skipSpaceAndComments()
    {
        while (!atEnd()) {
            const QChar c = m_text.at(m_pos);
            if (isSpace(c) || c == u'\n')
                ++m_pos;
            else if (c == u'#' || c == u';')
                skipToLineEnd();
            else
                return true;
        }
        return false;
    }

    bool readSectionHeader(QString &section, QString &subsection)
    {
        ++m_pos; // '['
        section.clear();
        subsection.clear();
        while (!atEnd() && (peek().isLetterOrNumber() || peek() == u'-' || peek() == u'.'))
            section += peek().toLower(), ++m_pos;
        if (peek() == u']') {
            ++m_pos;
            // The deprecated "[section.subsection]": the subsection is lower-case too.
            const qsizetype dot = section.indexOf(u'.');
            if (dot >= 0) {
                subsection = section.mid(dot + 1);
                section.truncate(dot);
            }
            return !section.isEmpty();
        }
        if (!isSpace(peek()) || section.contains(u'.'))
            return false;
        while (isSpace(peek()))
            ++m_pos;
        if (peek() != u'"')
            return false;
        ++m_pos;
        while (!atEnd() && peek() != u'"') {
            QChar c = peek();
            if (c == u'\n')
                return false;
            if (c == u'\\') {
                ++m_pos;
                if (atEnd() || peek() == u'\n')
                    return false;
                c = peek();
            }
            subsection += c;
            ++m_pos;
        }
        if (peek() != u'"')
            return false;
        ++m_pos;
        if (peek() != u']')
            return false;
        ++m_pos;
        return !section.isEmpty();
    }

    // `name`, `name = value` or `name =`; the value is empty when there is no '=' (a boolean true,
    // returned as nothing).
    bool readVariable(QString &name, std::optional<QString> &value)
    {
        while (!atEnd() && (peek().isLetterOrNumber() || peek() == u'-'))
            name += peek().toLower(), ++m_pos;
        while (isSpace(peek()))
            ++m_pos;
        if (atEnd() || peek() == u'\n' || peek() == u'#' || peek() == u';') {
            skipToLineEnd();
            value.reset();
            return true;
        }
        if (peek() != u'=')
            return false;
        ++m_pos;
        return readValue(value.emplace());
    }

    // As git's parse_value: unquoted runs of white space become that many spaces, and none at the
    // ends; quotes keep everything; `\n`, `\t`, `\b`, `\\` and `\"` escapes; a backslash at the end of
    // a line continues the value on the next.
    bool readValue(QString &value)
    {
        bool quoted = false;
        bool comment = false;
        qsizetype spaces = 0;
        while (!atEnd()) {
            QChar c = m_text.at(m_pos++);
            if (c == u'\n') {
                if (quoted)
                    return false;
                return true;
            }
            if (comment)
                continue;
            if (isSpace(c) && !quoted) {
                if (!value.isEmpty())
                    ++spaces;
                continue;
            }
            if (!quoted && (c == u';' || c == u'#')) {
                comment = true;
                continue;
            }
            value += QString(spaces, u' ');
            spaces = 0;
            if (c == u'\\') {
                if (atEnd())
                    return false;
                c = m_text.at(m_pos++);
                if (c == u'\n')
                    continue; // a continued line
                if (c == u'n')
                    value += u'\n';
                else if (c == u't')
                    value += u'\t';
                else if (c == u'b')
                    value += u'\b';
                else if (c == u'\\' || c == u'"')
                    value += c;
                else
                    return false;
                continue;
            }
            if (c == u'"') {
                quoted = !quoted;
                continue;
            }
            value += c;
        }
        return !quoted;
    }

    QString m_text;
    qsizetype m_pos = 0;
};

QString withoutGitSuffix(QString path)
{
    while (path.endsWith(u'/'))
        path.chop(1);
    if (path.endsWith(QStringLiteral(".git")))
        path.chop(4);
    while (path.endsWith(u'/'))
        path.chop(1);
    return path;
}

// "host/path" of a URL's authority (without user, password and port) and path.
QString hostAndPath(QStringView authority, QStringView path)
{
    const qsizetype at = authority.lastIndexOf(u'@');
    if (at >= 0)
        authority = authority.sliced(at + 1);
    if (authority.startsWith(u'[')) {
        const qsizetype close = authority.indexOf(u']');
        if (close >= 0)
            authority = authority.first(close + 1);
    } else {
        const qsizetype colon = authority.indexOf(u':');
        if (colon >= 0)
            authority = authority.first(colon);
    }
    QStringView trimmedPath = path;
    while (trimmedPath.startsWith(u'/'))
        trimmedPath = trimmedPath.sliced(1);
    const QString name = withoutGitSuffix(trimmedPath.toString());
    const QString host = authority.toString().toLower();
    return name.isEmpty() ? host : host + u'/' + name;
}

// A remote's URL as "host/owner/repo", or a local repository's path without ".git" (relative
// paths taken from `root`, as git takes them from the working tree).
QString normalizedRemote(QString url, const QString &root)
{
    url = url.trimmed();
    // "<transport>::<address>", a remote helper's syntax: the address names the repository.
    static const QRegularExpression helperPrefix(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*::"));
    url.remove(helperPrefix);
    if (url.isEmpty())
        return {};
    static const QRegularExpression scheme(QStringLiteral("^([A-Za-z][A-Za-z0-9+.-]*)://"));
    const QRegularExpressionMatch schemeMatch = scheme.match(url);
    if (schemeMatch.hasMatch()) {
        const QStringView rest = QStringView(url).sliced(schemeMatch.capturedLength());
        const qsizetype slash = rest.indexOf(u'/');
        const QStringView authority = slash < 0 ? rest : rest.first(slash);
        const QStringView path = slash < 0 ? QStringView() : rest.sliced(slash);
        if (schemeMatch.captured(1).compare(u"file", Qt::CaseInsensitive) == 0)
            return withoutGitSuffix(QDir::cleanPath(path.isEmpty() ? QStringLiteral("/") : path.toString()));
        return hostAndPath(authority, path);
    }
    // scp-like "[user@]host:path", which git recognizes by a colon before any slash.
    const qsizetype colon = url.indexOf(u':');
    const qsizetype slash = url.indexOf(u'/');
    if (colon > 0 && (slash < 0 || colon < slash)) {
        // An IPv6 host is bracketed: "[::1]:repo" and "user@[::1]:repo".
        const qsizetype open = url.indexOf(u'[');
        qsizetype separator = colon;
        if (open >= 0 && open < colon) {
            const qsizetype close = url.indexOf(u']', open);
            separator = close < 0 ? -1 : url.indexOf(u':', close);
        }
        if (separator > 0)
            return hostAndPath(QStringView(url).first(separator), QStringView(url).sliced(separator + 1));
    }
    return withoutGitSuffix(QDir::cleanPath(QDir(root).absoluteFilePath(url)));
}

} // namespace

QString RecordIdentity::of(const QString &filePath, const QString &repositoryName)
{
    const QString root = repositoryRoot(filePath);
    if (root.isEmpty())
        return legacyOf(filePath);
    QString name = repositoryName.trimmed();
    if (name.isEmpty())
        name = originName(root);
    if (name.isEmpty())
        return legacyOf(filePath);
    const QString relative = QDir::fromNativeSeparators(QDir(root).relativeFilePath(resolvedPath(filePath)));
    return name + u':' + relative;
}

QString RecordIdentity::legacyOf(const QString &filePath)
{
    const QFileInfo info(filePath);
    const QString canonical = info.canonicalFilePath();
    return canonical.isEmpty() ? info.absoluteFilePath() : canonical;
}

QString RecordIdentity::repositoryRoot(const QString &filePath)
{
    QDir folder(QFileInfo(resolvedPath(filePath)).absolutePath());
    while (true) {
        if (QFileInfo::exists(folder.filePath(QStringLiteral(".git"))))
            return folder.absolutePath();
        if (!folder.cdUp())
            return {};
    }
}

QString RecordIdentity::originName(const QString &root)
{
    const QString folder = configFolder(root);
    if (folder.isEmpty())
        return {};
    QFile config(QDir(folder).filePath(QStringLiteral("config")));
    if (!config.open(QIODevice::ReadOnly))
        return {};
    const QStringList urls =
        GitConfigReader(QString::fromUtf8(config.readAll()))
            .values(QStringLiteral("remote"), QStringLiteral("origin"), QStringLiteral("url"));
    return urls.isEmpty() ? QString() : normalizedRemote(urls.constFirst(), root);
}

} // namespace Countersign
