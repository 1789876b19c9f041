// SPDX-FileCopyrightText: 2026 Countersign contributors
// SPDX-License-Identifier: MIT

// RecordIdentity: a record keeps its identity across clones, moves, worktrees and symbolic links,
// two records never share one, the policy's name wins over the origin remote, and the origin is read
// from git's config (any of its spellings) without running git. The repositories are real ones, made
// by git in temporary folders.
#include "signing/recordidentity.h"
#include "testsupport.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Countersign;
using namespace Qt::StringLiterals;

namespace {

const QString recordPath = u"docs/DR-0042.md"_s;

// Runs git in `folder`, isolated from the user's and the system's configuration; a failure ends the
// test run with git's output.
void git(const QString &folder, const QStringList &arguments)
{
    QProcess process;
    process.setWorkingDirectory(folder);
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"GIT_CONFIG_NOSYSTEM"_s, u"1"_s);
    environment.insert(u"GIT_CONFIG_GLOBAL"_s, u"/dev/null"_s);
    environment.insert(u"GIT_AUTHOR_NAME"_s, u"Test"_s);
    environment.insert(u"GIT_AUTHOR_EMAIL"_s, u"test@example.invalid"_s);
    environment.insert(u"GIT_COMMITTER_NAME"_s, u"Test"_s);
    environment.insert(u"GIT_COMMITTER_EMAIL"_s, u"test@example.invalid"_s);
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(u"git"_s, arguments);
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit ||
        process.exitCode() != 0)
        qFatal("git %s failed in %s: %s", qPrintable(arguments.join(u' ')), qPrintable(folder),
            process.readAll().constData());
}

// A repository at `folder` holding the record, committed, with `origin` as its origin remote (none
// when empty).
QString makeRepository(const QString &folder, const QString &origin)
{
    QDir().mkpath(folder + u"/docs"_s);
    git(folder, {u"init"_s, u"-q"_s, u"-b"_s, u"main"_s});
    if (!TestSupport::writeBytes(QDir(folder).filePath(recordPath), "# DR-0042\n"))
        qFatal("cannot write the record in %s", qPrintable(folder));
    git(folder, {u"add"_s, recordPath});
    git(folder, {u"commit"_s, u"-q"_s, u"-m"_s, u"record"_s});
    if (!origin.isEmpty())
        git(folder, {u"remote"_s, u"add"_s, u"origin"_s, origin});
    return QDir(folder).filePath(recordPath);
}

// A folder that looks like a repository to RecordIdentity: `.git/config` holding `config`.
QString makeConfig(const QString &folder, const QByteArray &config)
{
    QDir().mkpath(folder + u"/.git"_s);
    if (!TestSupport::writeBytes(folder + u"/.git/config"_s, config))
        qFatal("cannot write the config in %s", qPrintable(folder));
    return folder;
}

} // namespace

class TestRecordIdentity : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_root; // m_dir's path, symbolic links resolved: what the identities are made of

    QString path(const QString &relative) const { return m_root + u'/' + relative; }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_root = QFileInfo(m_dir.path()).canonicalFilePath();
        if (QStandardPaths::findExecutable(u"git"_s).isEmpty())
            QSKIP("git is needed to make the test repositories");
        // The temporary folder must not be inside a repository itself, or "outside" tests mean nothing.
        QVERIFY(RecordIdentity::repositoryRoot(path(u"x"_s)).isEmpty());
    }

    void cloneAtAnotherPathKeepsTheIdentity()
    {
        makeRepository(path(u"clone/upstream"_s), u"git@github.com:acme/runtime.git"_s);
        git(path(u"clone"_s), {u"clone"_s, u"-q"_s, path(u"clone/upstream"_s), path(u"clone/a/runtime"_s)});
        git(path(u"clone"_s),
            {u"clone"_s, u"-q"_s, u"file://"_s + path(u"clone/upstream"_s), path(u"clone/b/elsewhere"_s)});
        const QString a = RecordIdentity::of(path(u"clone/a/runtime/"_s + recordPath));
        const QString b = RecordIdentity::of(path(u"clone/b/elsewhere/"_s + recordPath));
        QCOMPARE(a, path(u"clone/upstream:"_s) + recordPath);
        QCOMPARE(b, a);
        // Clones of one repository on two machines: the same origin by https and by ssh.
        git(path(u"clone/a/runtime"_s),
            {u"remote"_s, u"set-url"_s, u"origin"_s, u"https://github.com/acme/runtime.git"_s});
        git(path(u"clone/b/elsewhere"_s),
            {u"remote"_s, u"set-url"_s, u"origin"_s, u"git@github.com:acme/runtime.git"_s});
        QCOMPARE(RecordIdentity::of(path(u"clone/a/runtime/"_s + recordPath)),
            u"github.com/acme/runtime:docs/DR-0042.md"_s);
        QCOMPARE(RecordIdentity::of(path(u"clone/b/elsewhere/"_s + recordPath)),
            u"github.com/acme/runtime:docs/DR-0042.md"_s);
    }

    void movingTheCheckoutKeepsTheIdentity()
    {
        const QString record =
            makeRepository(path(u"move/before"_s), u"https://github.com/acme/runtime.git"_s);
        const QString before = RecordIdentity::of(record);
        QCOMPARE(before, u"github.com/acme/runtime:docs/DR-0042.md"_s);
        QVERIFY(QDir().mkpath(path(u"move/somewhere/else"_s)));
        QVERIFY(QDir().rename(path(u"move/before"_s), path(u"move/somewhere/else/after"_s)));
        QCOMPARE(RecordIdentity::of(path(u"move/somewhere/else/after/"_s + recordPath)), before);
    }

    void worktreeKeepsTheIdentity()
    {
        const QString record =
            makeRepository(path(u"worktree/main"_s), u"https://github.com/acme/runtime.git"_s);
        git(path(u"worktree/main"_s),
            {u"worktree"_s, u"add"_s, u"-q"_s, u"-b"_s, u"feature"_s, path(u"worktree/feature"_s)});
        const QString inWorktree = path(u"worktree/feature/"_s + recordPath);
        QVERIFY(QFileInfo(path(u"worktree/feature/.git"_s)).isFile());
        QCOMPARE(RecordIdentity::repositoryRoot(inWorktree), path(u"worktree/feature"_s));
        QCOMPARE(RecordIdentity::originName(path(u"worktree/feature"_s)), u"github.com/acme/runtime"_s);
        QCOMPARE(RecordIdentity::of(inWorktree), RecordIdentity::of(record));
    }

    void differentRecordsDiffer()
    {
        const QString record = makeRepository(path(u"two/repo"_s), u"https://github.com/acme/runtime.git"_s);
        const QString other = path(u"two/repo/docs/DR-0043.md"_s);
        QVERIFY(TestSupport::writeBytes(other, "# DR-0043\n"));
        QVERIFY(RecordIdentity::of(record) != RecordIdentity::of(other));
        QCOMPARE(RecordIdentity::of(other), u"github.com/acme/runtime:docs/DR-0043.md"_s);
        // The same relative path in a repository with another origin.
        const QString elsewhere =
            makeRepository(path(u"two/fork"_s), u"https://github.com/other/runtime.git"_s);
        QCOMPARE(RecordIdentity::of(elsewhere), u"github.com/other/runtime:docs/DR-0042.md"_s);
        QVERIFY(RecordIdentity::of(record) != RecordIdentity::of(elsewhere));
    }

    void withoutOriginOrNameTheIdentityIsThePath()
    {
        const QString record = makeRepository(path(u"local/repo"_s), QString());
        QCOMPARE(RecordIdentity::originName(path(u"local/repo"_s)), QString());
        QCOMPARE(RecordIdentity::of(record), RecordIdentity::legacyOf(record));
        QCOMPARE(RecordIdentity::of(record), QFileInfo(record).canonicalFilePath());
        // Another remote is not the origin.
        git(path(u"local/repo"_s),
            {u"remote"_s, u"add"_s, u"upstream"_s, u"https://github.com/acme/runtime.git"_s});
        QCOMPARE(RecordIdentity::of(record), RecordIdentity::legacyOf(record));
    }

    void policyNameWins()
    {
        const QString record =
            makeRepository(path(u"policy/repo"_s), u"https://github.com/acme/runtime.git"_s);
        QCOMPARE(RecordIdentity::of(record, u"acme-runtime"_s), u"acme-runtime:docs/DR-0042.md"_s);
        const QString unnamed = makeRepository(path(u"policy/local"_s), QString());
        QCOMPARE(RecordIdentity::of(unnamed, u"acme-runtime"_s), u"acme-runtime:docs/DR-0042.md"_s);
    }

    void outsideRepositoryTheIdentityIsThePath()
    {
        const QString record = path(u"outside/DR-0042.md"_s);
        QVERIFY(QDir().mkpath(path(u"outside"_s)));
        QVERIFY(TestSupport::writeBytes(record, "# DR-0042\n"));
        QCOMPARE(RecordIdentity::repositoryRoot(record), QString());
        QCOMPARE(RecordIdentity::of(record), QFileInfo(record).canonicalFilePath());
        QCOMPARE(RecordIdentity::of(record, u"acme-runtime"_s), QFileInfo(record).canonicalFilePath());
        // A relative path is taken from the working folder.
        const QString previous = QDir::currentPath();
        QVERIFY(QDir::setCurrent(path(u"outside"_s)));
        const QString relative = RecordIdentity::of(u"DR-0042.md"_s);
        QVERIFY(QDir::setCurrent(previous));
        QCOMPARE(relative, QFileInfo(record).canonicalFilePath());
        // legacyOf is what the ledger used before, for a record that does not exist too.
        QCOMPARE(RecordIdentity::legacyOf(path(u"outside/missing.md"_s)), path(u"outside/missing.md"_s));
    }

    void symbolicLinksResolve()
    {
        const QString record =
            makeRepository(path(u"links/repo"_s), u"https://github.com/acme/runtime.git"_s);
        QVERIFY(QFile::link(record, path(u"links/record-link.md"_s)));
        QVERIFY(QFile::link(path(u"links/repo"_s), path(u"links/repo-link"_s)));
        QVERIFY(QFile::link(path(u"links/repo/docs"_s), path(u"links/docs-link"_s)));
        const QString identity = RecordIdentity::of(record);
        QCOMPARE(RecordIdentity::of(path(u"links/record-link.md"_s)), identity);
        QCOMPARE(RecordIdentity::of(path(u"links/repo-link/"_s + recordPath)), identity);
        QCOMPARE(RecordIdentity::of(path(u"links/docs-link/DR-0042.md"_s)), identity);
        QCOMPARE(RecordIdentity::repositoryRoot(path(u"links/record-link.md"_s)), path(u"links/repo"_s));
    }

    void nestedFoldersFindTheirRoot()
    {
        makeRepository(path(u"nested/repo"_s), u"https://github.com/acme/runtime.git"_s);
        QVERIFY(QDir().mkpath(path(u"nested/repo/a/b/c"_s)));
        const QString deep = path(u"nested/repo/a/b/c/DR-1.md"_s);
        QVERIFY(TestSupport::writeBytes(deep, "# DR-1\n"));
        QCOMPARE(RecordIdentity::repositoryRoot(deep), path(u"nested/repo"_s));
        QCOMPARE(RecordIdentity::of(deep), u"github.com/acme/runtime:a/b/c/DR-1.md"_s);
        // A record not saved yet has the identity it will have.
        QCOMPARE(
            RecordIdentity::of(path(u"nested/repo/docs/new.md"_s)), u"github.com/acme/runtime:docs/new.md"_s);
    }

    void gitFileWithRelativePaths()
    {
        // A submodule's or worktree's `.git` file pointing, relative to the root, at its git folder,
        // whose `commondir` names the main git folder, relative to the git folder.
        makeConfig(path(u"gitfile/store/main"_s),
            "[remote \"origin\"]\n\turl = https://example.org/team/records.git\n");
        QVERIFY(QDir().mkpath(path(u"gitfile/store/main/.git/worktrees/wt"_s)));
        QVERIFY(
            TestSupport::writeBytes(path(u"gitfile/store/main/.git/worktrees/wt/commondir"_s), "../..\n"));
        QVERIFY(QDir().mkpath(path(u"gitfile/wt"_s)));
        QVERIFY(
            TestSupport::writeBytes(path(u"gitfile/wt/.git"_s), "gitdir: ../store/main/.git/worktrees/wt\n"));
        QCOMPARE(RecordIdentity::originName(path(u"gitfile/wt"_s)), u"example.org/team/records"_s);
        // A submodule's: its own config, no commondir.
        makeConfig(
            path(u"gitfile/modules/sub"_s), "[remote \"origin\"]\n\turl = git@example.org:team/sub.git\n");
        QVERIFY(QDir().mkpath(path(u"gitfile/super/sub"_s)));
        QVERIFY(
            TestSupport::writeBytes(path(u"gitfile/super/sub/.git"_s), "gitdir: ../../modules/sub/.git\r\n"));
        QCOMPARE(RecordIdentity::originName(path(u"gitfile/super/sub"_s)), u"example.org/team/sub"_s);
        // A broken `.git` file: no origin.
        QVERIFY(QDir().mkpath(path(u"gitfile/broken"_s)));
        QVERIFY(TestSupport::writeBytes(path(u"gitfile/broken/.git"_s), "not a git file\n"));
        QCOMPARE(RecordIdentity::originName(path(u"gitfile/broken"_s)), QString());
        QCOMPARE(RecordIdentity::originName(path(u"gitfile/nothing"_s)), QString());
    }

    void urlForms_data()
    {
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("name");
        QTest::newRow("https with user and password")
            << u"https://user:pw@github.com/acme/runtime.git"_s << u"github.com/acme/runtime"_s;
        QTest::newRow("https") << u"https://github.com/acme/runtime"_s << u"github.com/acme/runtime"_s;
        QTest::newRow("http with a port")
            << u"http://git.example.org:8080/acme/runtime.git"_s << u"git.example.org/acme/runtime"_s;
        QTest::newRow("scp-like") << u"git@github.com:acme/runtime.git"_s << u"github.com/acme/runtime"_s;
        QTest::newRow("scp-like without user")
            << u"github.com:acme/runtime"_s << u"github.com/acme/runtime"_s;
        QTest::newRow("scp-like absolute") << u"git@host:/srv/git/runtime.git"_s << u"host/srv/git/runtime"_s;
        QTest::newRow("ssh with a port") << u"ssh://git@host:2222/acme/runtime"_s << u"host/acme/runtime"_s;
        QTest::newRow("ssh") << u"ssh://git@github.com/acme/runtime.git"_s << u"github.com/acme/runtime"_s;
        QTest::newRow("git+ssh") << u"git+ssh://git@github.com/acme/runtime.git"_s
                                 << u"github.com/acme/runtime"_s;
        QTest::newRow("git protocol")
            << u"git://github.com/acme/runtime.git"_s << u"github.com/acme/runtime"_s;
        QTest::newRow("IPv6 host") << u"ssh://git@[::1]:22/acme/runtime.git"_s << u"[::1]/acme/runtime"_s;
        QTest::newRow("remote helper")
            << u"persistent-https::https://github.com/acme/runtime"_s << u"github.com/acme/runtime"_s;
        QTest::newRow("host in capitals, path kept")
            << u"HTTPS://GitHub.COM/Acme/Runtime.git"_s << u"github.com/Acme/Runtime"_s;
        QTest::newRow("trailing slashes")
            << u"https://github.com/acme/runtime.git//"_s << u"github.com/acme/runtime"_s;
        QTest::newRow("trailing slash before .git")
            << u"https://github.com/acme/runtime/"_s << u"github.com/acme/runtime"_s;
        QTest::newRow("file URL") << u"file:///srv/git/runtime.git"_s << u"/srv/git/runtime"_s;
        QTest::newRow("file URL with a host")
            << u"file://localhost/srv/git/runtime.git"_s << u"/srv/git/runtime"_s;
        QTest::newRow("plain path") << u"/srv/git/runtime.git"_s << u"/srv/git/runtime"_s;
        QTest::newRow("plain path with a slash") << u"/srv/git/runtime/"_s << u"/srv/git/runtime"_s;
        QTest::newRow("path to a .git folder") << u"/srv/work/runtime/.git"_s << u"/srv/work/runtime"_s;
        QTest::newRow("path in capitals") << u"/Srv/Git/Runtime.git"_s << u"/Srv/Git/Runtime"_s;
        QTest::newRow("path not cleaned") << u"/srv//git/./x/../runtime.git"_s << u"/srv/git/runtime"_s;
        QTest::newRow("relative path, from the root") << u"../upstream.git"_s << u"RELATIVE/upstream"_s;
        QTest::newRow("relative path with a colon after a slash") << u"./a:b"_s << u"RELATIVE/repo/a:b"_s;
    }

    void urlForms()
    {
        QFETCH(QString, url);
        QFETCH(QString, name);
        static int count = 0;
        const QString root = makeConfig(path(u"urls/%1/repo"_s.arg(++count)),
            "[remote \"origin\"]\n\turl = " + url.toUtf8() +
                "\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n");
        name.replace(u"RELATIVE"_s, path(u"urls/%1"_s.arg(count)));
        QCOMPARE(RecordIdentity::originName(root), name);
    }

    void configSyntax_data()
    {
        QTest::addColumn<QByteArray>("config");
        QTest::addColumn<QString>("name");
        const QString runtime = u"github.com/acme/runtime"_s;
        QTest::newRow("as git writes it")
            << QByteArray("[core]\n\trepositoryformatversion = 0\n\tbare = false\n"
                          "[remote \"origin\"]\n\turl = https://github.com/acme/runtime.git\n"
                          "\tfetch = +refs/heads/*:refs/remotes/origin/*\n"
                          "[branch \"main\"]\n\tremote = origin\n\tmerge = refs/heads/main\n")
            << runtime;
        QTest::newRow("case of section and key")
            << QByteArray("[REMOTE \"origin\"]\nUrl=https://github.com/acme/runtime.git\n") << runtime;
        QTest::newRow("odd spacing")
            << QByteArray("  [remote    \"origin\"]  \n   url\t =\t  git@github.com:acme/runtime.git   \n")
            << runtime;
        QTest::newRow("comments") << QByteArray(
                                         "# origin below\n; and here\n[remote \"origin\"] ; the origin\n"
                                         "\t# url = https://wrong.example/x\n"
                                         "\turl = https://github.com/acme/runtime.git # trailing\n")
                                  << runtime;
        QTest::newRow("semicolon comment after the value")
            << QByteArray("[remote \"origin\"]\n\turl = https://github.com/acme/runtime.git;comment\n")
            << runtime;
        QTest::newRow("quoted value")
            << QByteArray("[remote \"origin\"]\n\turl = \"https://github.com/acme/runtime.git\"\n")
            << runtime;
        QTest::newRow("quoted comment characters")
            << QByteArray(
                   "[remote \"origin\"]\n\turl = \"https://github.com/acme/run#time.git\" ; real comment\n")
            << u"github.com/acme/run#time"_s;
        QTest::newRow("partly quoted")
            << QByteArray("[remote \"origin\"]\n\turl = https://github.com/\"acme\"/runtime.git\n")
            << runtime;
        QTest::newRow("continued line")
            << QByteArray("[remote \"origin\"]\n\turl = https://github.com/acme/\\\nruntime.git\n")
            << runtime;
        QTest::newRow("crlf") << QByteArray(
                                     "[remote \"origin\"]\r\n\turl = https://github.com/acme/runtime.git\r\n")
                              << runtime;
        QTest::newRow("byte order mark")
            << QByteArray("\xEF\xBB\xBF[remote \"origin\"]\n\turl = https://github.com/acme/runtime.git\n")
            << runtime;
        QTest::newRow("key on the header's line")
            << QByteArray("[remote \"origin\"] url = https://github.com/acme/runtime.git\n") << runtime;
        QTest::newRow("deprecated section syntax")
            << QByteArray("[remote.Origin]\n\turl = https://github.com/acme/runtime.git\n") << runtime;
        QTest::newRow("escaped subsection")
            << QByteArray("[remote \"or\\igin\"]\n\turl = https://github.com/acme/runtime.git\n") << runtime;
        QTest::newRow("other remotes first")
            << QByteArray("[remote \"upstream\"]\n\turl = https://github.com/other/runtime.git\n"
                          "[remote \"origin\"]\n\tpushurl = https://push.example/x\n"
                          "\turl = https://github.com/acme/runtime.git\n"
                          "[remote \"fork\"]\n\turl = https://github.com/fork/runtime.git\n")
            << runtime;
        QTest::newRow("first of two urls")
            << QByteArray("[remote \"origin\"]\n\turl = https://github.com/acme/runtime.git\n"
                          "\turl = https://mirror.example/acme/runtime.git\n")
            << runtime;
        QTest::newRow("section twice")
            << QByteArray("[remote \"origin\"]\n\tfetch = x\n[core]\n\tbare = false\n"
                          "[remote \"origin\"]\n\turl = https://github.com/acme/runtime.git\n")
            << runtime;
        QTest::newRow("empty value resets")
            << QByteArray("[remote \"origin\"]\n\turl = https://old.example/x\n\turl =\n"
                          "\turl = https://github.com/acme/runtime.git\n")
            << runtime;
        QTest::newRow("subsection is case-sensitive")
            << QByteArray("[remote \"Origin\"]\n\turl = https://github.com/acme/runtime.git\n") << QString();
        QTest::newRow("url without a value") << QByteArray("[remote \"origin\"]\n\turl\n") << QString();
        QTest::newRow("urlx is not url")
            << QByteArray("[remote \"origin\"]\n\turlx = https://github.com/acme/runtime.git\n") << QString();
        QTest::newRow("no origin") << QByteArray("[core]\n\tbare = false\n") << QString();
        QTest::newRow("empty") << QByteArray() << QString();
        QTest::newRow("garbage")
            << QByteArray("\x01\x02 not a config\n[remote \"origin\"]\n\turl = https://x.example/y\n")
            << QString();
        QTest::newRow("unterminated header")
            << QByteArray("[remote \"origin\n\turl = https://x.example/y\n") << QString();
    }

    void configSyntax()
    {
        QFETCH(QByteArray, config);
        QFETCH(QString, name);
        static int count = 0;
        const QString root = makeConfig(path(u"syntax/%1"_s.arg(++count)), config);
        QCOMPARE(RecordIdentity::originName(root), name);
    }
};

QTEST_GUILESS_MAIN(TestRecordIdentity)
#include "tst_recordidentity.moc"
