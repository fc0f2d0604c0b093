// docs/openapi.yaml against the server's routing table: every route the server registers is documented, and
// nothing is documented that the server does not serve.
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace {

// Compiled into test builds only (TOKENDESK_TEST_HOOKS); the document mentions them but does not describe them.
const QString TestRoutePrefix = u"/api/v1/_test/"_s;

struct Operation
{
    QString method; // upper case, as --list-routes prints it
    QString path;
    int line = 0;          // 1-based, for messages
    QStringList responses; // status codes as written: "200", "401", "default"

    QString route() const { return method + u' ' + path; }
};

struct OpenApiOperations
{
    QList<Operation> operations;
    QStringList problems; // tabs, operations listed twice
};

int indentation(QStringView line)
{
    int n = 0;
    while (n < line.size() && line.at(n) == u' ')
        ++n;
    return n;
}

// Splits "key: value" / "'key': value" / "key:"; an empty key means the line is not a mapping entry.
QString mappingKey(QStringView text, QString* value)
{
    value->clear();
    if (text.isEmpty())
        return {};
    qsizetype colon = -1;
    QString key;
    const QChar first = text.front();
    if (first == u'\'' || first == u'"') {
        const qsizetype close = text.indexOf(first, 1);
        if (close < 0 || close + 1 >= text.size() || text.at(close + 1) != u':')
            return {};
        key = text.mid(1, close - 1).toString();
        colon = close + 1;
    } else {
        for (qsizetype i = 0; i < text.size(); ++i) {
            if (text.at(i) == u':' && (i + 1 == text.size() || text.at(i + 1) == u' ')) {
                colon = i;
                break;
            }
        }
        if (colon <= 0)
            return {};
        key = text.left(colon).trimmed().toString();
    }
    if (colon + 1 < text.size() && text.at(colon + 1) != u' ')
        return {};
    *value = text.mid(colon + 1).trimmed().toString();
    return key;
}

// "|", ">", "|-", ">+2", optionally followed by a comment: the lines below belong to a block scalar.
bool startsBlockScalar(const QString& value)
{
    static const QRegularExpression blockHeader(u"^[|>][-+0-9]*(\\s+#.*)?$"_s);
    return blockHeader.match(value).hasMatch();
}

// A small line-based reader, enough for the layout docs/openapi.yaml keeps: path keys at indentation 2 under
// "paths:", method keys at 4, "responses:" at 6 and status codes at 8. Block scalars are skipped, so that a
// description can never be read as a route.
OpenApiOperations readOperations(const QString& text)
{
    static const QStringList Methods = {u"get"_s, u"post"_s, u"patch"_s, u"put"_s, u"delete"_s};
    OpenApiOperations out;
    QSet<QString> seen;
    const QStringList lines = text.split(u'\n');
    bool inPaths = false;
    bool inResponses = false;
    QString path;
    qsizetype operation = -1;
    int blockIndent = -1; // >= 0: inside a block scalar opened by a key at this indentation
    for (qsizetype i = 0; i < lines.size(); ++i) {
        QStringView line = lines.at(i);
        if (line.endsWith(u'\r'))
            line.chop(1);
        if (line.contains(u'\t'))
            out.problems.append(u"line %1: a tab character (YAML indents with spaces)"_s.arg(i + 1));
        const QStringView trimmed = line.trimmed();
        const int indent = indentation(line);
        if (blockIndent >= 0) {
            if (trimmed.isEmpty() || indent > blockIndent)
                continue;
            blockIndent = -1;
        }
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        const bool sequenceItem = trimmed == u"-" || trimmed.startsWith(u"- ");
        QString value;
        const QString key = mappingKey(sequenceItem ? trimmed.mid(1).trimmed() : trimmed, &value);
        if (startsBlockScalar(value))
            blockIndent = indent;
        if (key.isEmpty() || sequenceItem)
            continue;

        if (indent == 0) {
            inPaths = key == u"paths"_s;
            path.clear();
            operation = -1;
            inResponses = false;
        } else if (!inPaths) {
            continue;
        } else if (indent == 2) {
            path = key.startsWith(u'/') ? key : QString();
            operation = -1;
            inResponses = false;
        } else if (indent == 4) {
            operation = -1;
            inResponses = false;
            if (path.isEmpty() || !Methods.contains(key))
                continue;
            Operation op{key.toUpper(), path, int(i + 1), {}};
            if (seen.contains(op.route()))
                out.problems.append(u"line %1: %2 is listed twice"_s.arg(op.line).arg(op.route()));
            seen.insert(op.route());
            out.operations.append(op);
            operation = out.operations.size() - 1;
        } else if (operation < 0) {
            continue;
        } else if (indent == 6) {
            inResponses = key == u"responses"_s;
        } else if (indent == 8 && inResponses) {
            out.operations[operation].responses.append(key);
        }
    }
    return out;
}

QString listing(QStringList routes)
{
    std::sort(routes.begin(), routes.end());
    return u"    "_s + routes.join(u"\n    "_s);
}

} // namespace

class TestServerOpenApi : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QFile file(QStringLiteral(TOKENDESK_OPENAPI));
        QVERIFY2(file.open(QIODevice::ReadOnly | QIODevice::Text),
                 qPrintable(u"cannot read %1: %2"_s.arg(file.fileName(), file.errorString())));
        m_text = QString::fromUtf8(file.readAll());
        m_document = readOperations(m_text);
        QVERIFY2(m_document.problems.isEmpty(), qPrintable(m_document.problems.join(u'\n')));
        QVERIFY2(!m_document.operations.isEmpty(), "no operations found under paths: in docs/openapi.yaml");

        const QString server = qEnvironmentVariable("TOKENDESK_SERVER_BIN");
        QVERIFY2(!server.isEmpty(), "set TOKENDESK_SERVER_BIN to the tokendesk-server binary");
        QProcess process;
        process.start(server, {u"--list-routes"_s});
        QVERIFY2(process.waitForFinished(30000), qPrintable(process.errorString()));
        QCOMPARE(process.exitStatus(), QProcess::NormalExit);
        QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
        const QStringList lines = QString::fromUtf8(process.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        for (const QString& line : lines) {
            const QString route = line.trimmed();
            if (!route.isEmpty())
                m_serverRoutes.append(route);
        }
        QVERIFY2(!m_serverRoutes.isEmpty(), "tokendesk-server --list-routes printed nothing");
    }

    void readerFollowsTheLayout()
    {
        // Block scalars, comments, quoted keys, non-method keys and later top-level sections are not routes.
        const QString sample = u"openapi: 3.0.3\n"
                               "info:\n"
                               "  description: |\n"
                               "    paths:\n"
                               "      /fake:\n"
                               "        get:\n"
                               "paths:\n"
                               "  # /commented:\n"
                               "  /a/{id}:\n"
                               "    parameters:\n"
                               "      - name: id\n"
                               "    get:\n"
                               "      description: >-\n"
                               "        responses:\n"
                               "          '999': x\n"
                               "      responses:\n"
                               "        '200':\n"
                               "          description: ok\n"
                               "        401:\n"
                               "          $ref: '#/components/responses/Unauthorized'\n"
                               "      security: []\n"
                               "    patch:\n"
                               "      responses: {}\n"
                               "  '/b/':\n"
                               "    post:\n"
                               "      responses:\n"
                               "        default:\n"
                               "          description: x\n"
                               "components:\n"
                               "  /notapath:\n"
                               "    get:\n"
                               "      responses:\n"
                               "        '200':\n"_s;
        const OpenApiOperations parsed = readOperations(sample);
        QVERIFY2(parsed.problems.isEmpty(), qPrintable(parsed.problems.join(u'\n')));
        QCOMPARE(parsed.operations.size(), 3);
        QCOMPARE(parsed.operations.at(0).route(), u"GET /a/{id}"_s);
        QCOMPARE(parsed.operations.at(0).responses, (QStringList{u"200"_s, u"401"_s}));
        QCOMPARE(parsed.operations.at(1).route(), u"PATCH /a/{id}"_s);
        QVERIFY(parsed.operations.at(1).responses.isEmpty());
        QCOMPARE(parsed.operations.at(2).route(), u"POST /b/"_s);
        QCOMPARE(parsed.operations.at(2).responses, QStringList{u"default"_s});

        const OpenApiOperations twice = readOperations(u"paths:\n  /x:\n    get:\n  /x:\n    get:\n"_s);
        QCOMPARE(twice.problems.size(), 1);
    }

    void documentIsOpenApi303()
    {
        QVERIFY(m_text.startsWith(u"openapi: 3.0.3\n"_s) || m_text.contains(u"\nopenapi: 3.0.3\n"_s));
    }

    // The whole document through a real YAML parser (Debian's python3-yaml, installed by the test command): the
    // line reader above sees only the layout, and a plain scalar with ": " inside breaks every other tool.
    void documentIsValidYaml()
    {
        QProcess python;
        python.start(u"/usr/bin/python3"_s,
                     {u"-c"_s, u"import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); print(len(d['paths']))"_s,
                      QStringLiteral(TOKENDESK_OPENAPI)});
        QVERIFY(python.waitForFinished(60000));
        QVERIFY2(python.exitCode() == 0, python.readAllStandardError().constData());
        QVERIFY(python.readAllStandardOutput().trimmed().toInt() > 50);
    }

    // One version (issue 16): project(VERSION) reaches the server (--version), and the OpenAPI document, the newest
    // release of the AppStream file and the newest released section of CHANGELOG.md all say the same.
    void versionsAgree()
    {
        const QString version = QStringLiteral(TOKENDESK_VERSION);
        static const QRegularExpression info(u"\ninfo:\n(?:  .*\n)*?  version: ([^\n]+)\n"_s);
        const auto openapi = info.match(m_text);
        QVERIFY(openapi.hasMatch());
        QCOMPARE(openapi.captured(1).trimmed(), version);
        const auto read = [](const QString& path) {
            QFile file(QStringLiteral(TOKENDESK_SOURCE_DIR) + u'/' + path);
            return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
        };
        static const QRegularExpression release(u"<release version=\"([^\"]+)\""_s);
        const auto appstream = release.match(read(u"resources/linux/io.tokendesk.TokenDesk.metainfo.xml"_s));
        QVERIFY(appstream.hasMatch());
        QCOMPARE(appstream.captured(1), version);
        static const QRegularExpression released(u"^## \\[(\\d+\\.\\d+\\.\\d+)\\]"_s,
                                                 QRegularExpression::MultilineOption);
        const auto changelog = released.match(read(u"CHANGELOG.md"_s));
        QVERIFY(changelog.hasMatch());
        QCOMPARE(changelog.captured(1), version);
        QProcess server;
        server.start(qEnvironmentVariable("TOKENDESK_SERVER_BIN"), {u"--version"_s});
        QVERIFY(server.waitForFinished(30000));
        QVERIFY2(server.readAllStandardOutput().contains(version.toLatin1()), "--version does not name the version");
    }

    void routesMatchTheServer()
    {
        QSet<QString> served;
        for (const QString& route : std::as_const(m_serverRoutes)) {
            const qsizetype space = route.indexOf(u' ');
            QVERIFY2(space > 0, qPrintable(u"unexpected --list-routes line: "_s + route));
            // OpenAPI has no rest-of-path parameter: the router's {*path} is documented as {path}.
            if (!route.mid(space + 1).startsWith(TestRoutePrefix))
                served.insert(QString(route).replace(u"{*"_s, u"{"_s));
        }
        QSet<QString> documented;
        for (const Operation& op : std::as_const(m_document.operations)) {
            if (!op.path.startsWith(TestRoutePrefix))
                documented.insert(op.route());
        }
        const QStringList missing = QSet<QString>(served).subtract(documented).values();
        const QStringList extra = QSet<QString>(documented).subtract(served).values();
        QString message;
        if (!missing.isEmpty())
            message += u"Served by tokendesk-server but missing from docs/openapi.yaml:\n"_s + listing(missing) + u'\n';
        if (!extra.isEmpty())
            message += u"In docs/openapi.yaml but not served by tokendesk-server:\n"_s + listing(extra) + u'\n';
        QVERIFY2(missing.isEmpty() && extra.isEmpty(), qPrintable(message));
        QCOMPARE(documented.size(), served.size());
    }

    void everyOperationListsResponses()
    {
        QStringList bad;
        for (const Operation& op : std::as_const(m_document.operations)) {
            const bool success = std::any_of(op.responses.cbegin(), op.responses.cend(),
                                             [](const QString& code) { return code.startsWith(u'2'); });
            if (op.responses.isEmpty() || !success)
                bad.append(u"%1 (line %2)"_s.arg(op.route()).arg(op.line));
        }
        QVERIFY2(bad.isEmpty(), qPrintable(u"Operations without a success response:\n"_s + listing(bad)));
    }

    void guardedV1OperationsDocument401()
    {
        QStringList bad;
        for (const Operation& op : std::as_const(m_document.operations)) {
            if (!op.path.startsWith(u"/api/v1/"_s) || op.path.startsWith(u"/api/v1/auth/"_s) ||
                op.path.startsWith(TestRoutePrefix)) {
                continue;
            }
            if (!op.responses.contains(u"401"_s))
                bad.append(u"%1 (line %2)"_s.arg(op.route()).arg(op.line));
        }
        QVERIFY2(bad.isEmpty(), qPrintable(u"/api/v1 operations without a 401 response:\n"_s + listing(bad)));
    }

private:
    QString m_text;
    OpenApiOperations m_document;
    QStringList m_serverRoutes;
};

QTEST_GUILESS_MAIN(TestServerOpenApi)
#include "tst_server_openapi.moc"
