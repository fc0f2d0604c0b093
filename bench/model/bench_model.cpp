// bench_model: how CredentialModel + CredentialFilterModel behave at 100k and 1M credentials, and how long the console
// takes to page 100k keys out of a real tokendesk-server. Prints figures beside the targets; asserts nothing.
//
//   bench_model [--rows 100000,1000000] [--server-keys 100000] [--no-server] [--seed 42]
//
// The server part needs the tokendesk-server binary: TOKENDESK_SERVER_BIN, else the one built with this tree.
#include "SeedKeys.h"
#include "TestServer.h"
#include "app/ApiClient.h"
#include "app/CredentialFilterModel.h"
#include "app/CredentialLoader.h"
#include "app/CredentialModel.h"
#include "app/Jobs.h"
#include "protocol/Token.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <functional>
#include <numeric>
#include <vector>

using namespace Qt::StringLiterals;
using td::app::CredentialFilterModel;
using td::app::CredentialModel;
using td::protocol::ApiKeyDto;

namespace {

constexpr int VisibleRows = 40; // what a table view paints after a change

double msSince(const QElapsedTimer& timer)
{
    return double(timer.nsecsElapsed()) / 1e6;
}

// Linux: kB from /proc/self/status ("VmHWM", "VmRSS"); -1 elsewhere.
qint64 procStatusKb(const char* field)
{
    QFile file(u"/proc/self/status"_s);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return -1;
    const QByteArray prefix = QByteArray(field) + ':';
    for (const QByteArray& line : file.readAll().split('\n')) {
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').value(0).toLongLong();
    }
    return -1;
}

// Resets the peak RSS so that each size gets its own figure (Linux >= 4.0).
bool resetPeakRss()
{
    QFile file(u"/proc/self/clear_refs"_s);
    return file.open(QIODevice::WriteOnly) && file.write("5") == 1;
}

double mb(qint64 kb)
{
    return double(kb) / 1024.0;
}

void line(const QString& rows, const QString& metric, const QString& value, const QString& target = {},
          std::optional<bool> met = std::nullopt)
{
    const QString verdict = !met ? QString() : *met ? u"ok"_s : u"MISSED"_s;
    std::printf("%-9s %-52s %14s   %-12s %s\n", qPrintable(rows), qPrintable(metric), qPrintable(value),
                qPrintable(target), qPrintable(verdict));
    std::fflush(stdout);
}

QString ms(double value)
{
    return u"%1 ms"_s.arg(value, 0, 'f', value < 10 ? 2 : 1);
}

// Synthetic keys that look like a large tenant's: names from a small vocabulary (so that "r", "re", "rep" match
// many rows and "repo" matches scattered ones), every string allocated per record as a JSON parse would.
class Generator
{
public:
    explicit Generator(quint32 seed)
        : m_random(seed)
    {}

    // Records first .. first + count - 1.
    QList<ApiKeyDto> make(int first, int count, const QDateTime& now)
    {
        static const char* const words[] = {"deploy",   "billing", "ci",       "nightly",   "export",  "sync",
                                            "storage",  "mobile",  "partner",  "reporting", "backup",  "legacy",
                                            "metrics",  "pricing", "checkout", "monitor",   "staging", "webhook",
                                            "importer", "gateway", "search",   "mailer",    "audit",   "ledger"};
        static const char* const scopes[] = {"read:products", "write:products", "read:orders",
                                             "write:orders",  "read:inventory", "write:inventory"};
        constexpr int wordCount = int(std::size(words));
        QList<ApiKeyDto> out;
        out.reserve(count);
        for (int i = first; i < first + count; ++i) {
            ApiKeyDto r;
            r.id = QString::fromLatin1("key_" + td::protocol::randomBase62(20));
            r.name = QString::fromLatin1(words[m_random.bounded(wordCount)]) + u' ' +
                     QString::fromLatin1(words[m_random.bounded(wordCount)]) + u' ' + QString::number(i);
            if (m_random.bounded(20) == 0)
                r.description = QString::fromLatin1("Scrapes the metrics repository every night");
            const QByteArray token = td::protocol::OpaqueToken::generate(td::protocol::TokenKind::ApiKey);
            r.prefix = QString::fromLatin1(token.left(12));
            r.last4 = QString::fromLatin1(token.right(4));
            const int scopeCount = 1 + int(m_random.bounded(3));
            for (int s = 0; s < scopeCount; ++s)
                r.scopes.append(QString::fromLatin1(scopes[m_random.bounded(int(std::size(scopes)))]));
            r.tenantId = QString::fromLatin1("default");
            r.createdAt = now.addSecs(-qint64(m_random.bounded(2 * 365 * 86400)));
            r.createdBy = QString::fromLatin1("user:usr_") + QString::number(m_random.bounded(50));
            if (m_random.bounded(10) >= 3)
                r.expiresAt = now.addSecs(qint64(m_random.bounded(460 * 86400)) - 60LL * 86400);
            if (m_random.bounded(10) >= 4) {
                r.lastUsedAt = now.addSecs(-qint64(m_random.bounded(90 * 86400)));
                r.lastUsedIp =
                    u"10.%1.%2.%3"_s.arg(m_random.bounded(256)).arg(m_random.bounded(256)).arg(m_random.bounded(256));
            }
            if (m_random.bounded(5) == 0)
                r.ipAllowlist = {u"10.%1.0.0/16"_s.arg(m_random.bounded(256))};
            if (m_random.bounded(20) == 0) {
                r.status = td::protocol::KeyStatus::Revoked;
                r.revokedAt = r.createdAt.addDays(1);
                r.revokedBy = r.createdBy;
            } else if (r.expiresAt.isValid() && r.expiresAt <= now) {
                r.status = td::protocol::KeyStatus::Expired;
            }
            out.append(std::move(r));
        }
        return out;
    }

private:
    QRandomGenerator m_random;
};

// What a view does after a change: ask for the visible cells.
void paint(const QAbstractItemModel& model)
{
    const int rows = std::min(model.rowCount(), VisibleRows);
    for (int row = 0; row < rows; ++row) {
        for (int column = 0; column < model.columnCount(); ++column)
            model.index(row, column).data(Qt::DisplayRole);
    }
}

struct Targets
{
    double keystrokeMs;
    double sortMs;
    double peakMb; // 0: none
};

void benchModel(int count, quint32 seed, const Targets& targets)
{
    const QString rows = count >= 1000000 ? u"%1M"_s.arg(count / 1000000) : u"%1k"_s.arg(count / 1000);
    resetPeakRss();
    const qint64 baseRss = procStatusKb("VmRSS");
    const QDateTime now = QDateTime::currentDateTimeUtc();

    QElapsedTimer timer;
    timer.start();
    // As the console receives them: pages of 1000 records, each turned into rows as it arrives.
    Generator generator(seed);
    td::app::CredentialRows records;
    for (int first = 0; first < count; first += 1000) {
        for (const ApiKeyDto& r : generator.make(first, std::min(1000, count - first), now))
            records.append(r);
    }
    line(rows, u"generate records as pages of 1000 into rows"_s, ms(msSince(timer)));
    line(rows, u"  bytes held by the rows"_s, u"%1 MB"_s.arg(double(records.bytesUsed()) / 1048576.0, 0, 'f', 0));

    CredentialModel model;
    CredentialFilterModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(CredentialModel::Name, Qt::AscendingOrder); // the table opens sorted by name
    timer.start();
    model.setRows(std::move(records));
    paint(proxy);
    line(rows, u"load: setRows + proxy sort by Name + paint"_s, ms(msSince(timer)));

    // Typing "repo" into the search field, one character at a time, sorted and unsorted.
    const QString typed = u"repo"_s;
    for (const bool sorted : {true, false}) {
        proxy.setFilterText({});
        proxy.sort(sorted ? int(CredentialModel::Name) : -1, Qt::AscendingOrder);
        std::vector<double> times;
        QStringList matches;
        for (qsizetype n = 1; n <= typed.size(); ++n) {
            timer.start();
            proxy.setFilterText(typed.left(n));
            paint(proxy);
            times.push_back(msSince(timer));
            matches.append(u"%1=%2 (%3 ms)"_s.arg(typed.left(n)).arg(proxy.rowCount()).arg(times.back(), 0, 'f', 0));
        }
        const double mean = std::accumulate(times.cbegin(), times.cend(), 0.0) / double(times.size());
        const double worst = *std::max_element(times.cbegin(), times.cend());
        const QString how = sorted ? u"sorted by Name"_s : u"unsorted"_s;
        line(rows, u"keystroke \"repo\" mean (%1)"_s.arg(how), ms(mean), u"<= %1 ms"_s.arg(targets.keystrokeMs),
             mean <= targets.keystrokeMs);
        line(rows, u"keystroke \"repo\" max (%1)"_s.arg(how), ms(worst), u"<= %1 ms"_s.arg(targets.keystrokeMs),
             worst <= targets.keystrokeMs);
        if (sorted)
            line(rows, u"  matching rows: %1"_s.arg(matches.join(u"  "_s)), {});
        timer.start();
        proxy.setFilterText({});
        paint(proxy);
        line(rows, u"clear the search (%1)"_s.arg(how), ms(msSince(timer)));
    }

    // Sorting the whole table, each column both ways.
    proxy.sort(-1);
    const std::pair<int, const char*> columns[] = {
        {CredentialModel::Name, "Name"}, {CredentialModel::Expires, "Expires"}, {CredentialModel::Status, "Status"}};
    for (const auto& [column, title] : columns) {
        for (const Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
            timer.start();
            proxy.sort(column, order);
            paint(proxy);
            const double t = msSince(timer);
            line(rows,
                 u"sort %1 %2"_s.arg(QLatin1String(title),
                                     order == Qt::AscendingOrder ? u"ascending"_s : u"descending"_s),
                 ms(t), u"<= %1 ms"_s.arg(targets.sortMs), t <= targets.sortMs);
        }
    }

    const qint64 peak = procStatusKb("VmHWM");
    const qint64 rss = procStatusKb("VmRSS");
    line(rows, u"RSS now (model + proxy held), process"_s, u"%1 MB"_s.arg(mb(rss), 0, 'f', 0));
    line(rows, u"RSS added by this size (now - before)"_s, u"%1 MB"_s.arg(mb(rss - baseRss), 0, 'f', 0));
    if (targets.peakMb > 0) {
        line(rows, u"peak RSS (VmHWM), process"_s, u"%1 MB"_s.arg(mb(peak), 0, 'f', 0),
             u"<= %1 MB"_s.arg(targets.peakMb), mb(peak) <= targets.peakMb);
    } else {
        line(rows, u"peak RSS (VmHWM), process"_s, u"%1 MB"_s.arg(mb(peak), 0, 'f', 0));
    }
}

// Runs a job to completion in a local event loop (a benchmark may block; the console never does).
bool runJob(td::app::ApiJob& job)
{
    QEventLoop loop;
    bool done = false;
    QObject::connect(&job, &td::app::ApiJob::finished, &loop, [&] {
        done = true;
        loop.quit();
    });
    QTimer::singleShot(120000, &loop, &QEventLoop::quit);
    job.start();
    if (!done)
        loop.exec();
    return done;
}

bool benchServer(int count, quint32 seed)
{
    const QString rows = u"%1k"_s.arg(count / 1000);
    td::test::TestServer server;
    if (!server.start()) {
        line(rows, u"server: could not start tokendesk-server"_s, u"-"_s);
        return false;
    }
    server.stop();
    QElapsedTimer timer;
    timer.start();
    QString error;
    if (!td::bench::seedKeys(server.databasePath(), count, seed, &error)) {
        line(rows, u"server: seeding failed: %1"_s.arg(error), u"-"_s);
        return false;
    }
    line(rows, u"seed keys into SQLite (server stopped; setup only)"_s, ms(msSince(timer)));
    if (!server.restart()) {
        line(rows, u"server: could not restart"_s, u"-"_s);
        return false;
    }

    td::app::ApiClient client;
    client.setBaseUrl(server.url());
    td::app::LoginJob login(&client, QString::fromLatin1(td::test::TestServer::AdminEmail),
                            td::test::TestServer::AdminPassword);
    if (!runJob(login) || !login.error().ok()) {
        line(rows, u"server: login failed: %1"_s.arg(login.error().userMessage()), u"-"_s);
        return false;
    }
    client.setAccessToken(login.result().token);

    // The console's way (CredentialsPage): CredentialLoader pages through 1000 at a time, asking for the next page
    // from the Link header while it reads the current one; the first page shows at once, the rest is added in one
    // step at the end, with the table sorted by name.
    CredentialModel model;
    CredentialFilterModel proxy;
    proxy.setSourceModel(&model);
    proxy.sort(CredentialModel::Name, Qt::AscendingOrder);
    td::app::CredentialLoader loader(&client, td::app::CredentialKind::ApiKey);
    double firstPageMs = 0;
    double modelMs = 0;
    QObject::connect(&loader, &td::app::CredentialLoader::firstPageReady, &loader, [&] {
        firstPageMs = msSince(timer);
        QElapsedTimer append;
        append.start();
        model.setRows(loader.takeRows());
        paint(proxy);
        modelMs += msSince(append);
    });
    QEventLoop loop;
    QObject::connect(&loader, &td::app::CredentialLoader::finished, &loop, [&] {
        if (loader.error().ok() && loader.pages() > 1) {
            QElapsedTimer append;
            append.start();
            model.appendRows(loader.takeRows());
            paint(proxy);
            modelMs += msSince(append);
        }
        loop.quit();
    });
    timer.start();
    loader.start();
    loop.exec();
    const double seconds = msSince(timer) / 1000.0;
    if (!loader.error().ok()) {
        line(rows, u"server: paging failed: %1"_s.arg(loader.error().userMessage()), u"-"_s);
        return false;
    }
    line(rows, u"page %1 keys from the server (%2 pages of 1000)"_s.arg(model.rowCount()).arg(loader.pages()),
         u"%1 s"_s.arg(seconds, 0, 'f', 2), u"<= 1.0 s"_s, seconds <= 1.0);
    line(rows, u"  pages asked for from the Link header, early"_s, QString::number(loader.earlyRequests()));
    line(rows, u"  first page shown after"_s, ms(firstPageMs));
    line(rows, u"  of which setRows/appendRows + proxy rebuild + paint"_s, u"%1 s"_s.arg(modelMs / 1000.0, 0, 'f', 2));

    // Where a page's time goes: the same request without the console's DTO conversion, and the server alone.
    std::vector<double> raw;
    for (int i = 0; i < 5; ++i) {
        QElapsedTimer one;
        one.start();
        const td::test::HttpResult r = server.get(
            u"/api/v1/api-keys?limit=1000"_s, td::test::TestServer::bearer(QString::fromLatin1(login.result().token)));
        raw.push_back(msSince(one));
        if (r.status != 200)
            return false;
    }
    std::sort(raw.begin(), raw.end());
    line(rows, u"  one page as raw HTTP + QJsonDocument (median of 5)"_s, ms(raw[2]));

    // The client's share of one page, without the network: JSON text to document, document to the job's records.
    const td::test::HttpResult sample = server.get(
        u"/api/v1/api-keys?limit=1000"_s, td::test::TestServer::bearer(QString::fromLatin1(login.result().token)));
    constexpr int Repeats = 20;
    timer.start();
    for (int i = 0; i < Repeats; ++i)
        QJsonDocument::fromJson(sample.body);
    line(rows, u"  one page: QJsonDocument::fromJson alone"_s, ms(msSince(timer) / Repeats));
    const QJsonValue data = sample.json.value(u"data"_s);
    timer.start();
    for (int i = 0; i < Repeats; ++i) {
        td::app::CredentialRows parsed;
        parsed.appendJson(data.toObject().value(u"items"_s).toArray());
    }
    line(rows, u"  one page: document to the model's rows"_s, ms(msSince(timer) / Repeats));
    return model.rowCount() == count;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(u"bench_model"_s);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"CredentialModel/CredentialFilterModel figures at 100k and 1M rows."_s);
    parser.addHelpOption();
    const QCommandLineOption rowsOption(u"rows"_s, u"Comma-separated table sizes."_s, u"list"_s, u"100000,1000000"_s);
    const QCommandLineOption serverKeysOption(u"server-keys"_s, u"Keys to page from the server."_s, u"count"_s,
                                              u"100000"_s);
    const QCommandLineOption noServerOption(u"no-server"_s, u"Skip the server paging figure."_s);
    const QCommandLineOption seedOption(u"seed"_s, u"Random seed of the synthetic data."_s, u"n"_s, u"42"_s);
    parser.addOptions({rowsOption, serverKeysOption, noServerOption, seedOption});
    parser.process(app);

#ifdef TOKENDESK_SERVER_BIN_DEFAULT
    if (qEnvironmentVariableIsEmpty("TOKENDESK_SERVER_BIN"))
        qputenv("TOKENDESK_SERVER_BIN", TOKENDESK_SERVER_BIN_DEFAULT);
#endif
    const quint32 seed = parser.value(seedOption).toUInt();

    std::printf("bench_model: CredentialModel + CredentialFilterModel, Qt %s, %d CPU(s)%s\n", qVersion(),
                QThread::idealThreadCount(), resetPeakRss() ? "" : " (peak RSS cannot be reset: figures cumulative)");
    std::printf("Each keystroke/sort figure includes asking the model for %d visible rows, as a view repaints.\n\n",
                VisibleRows);
    line(u"rows"_s, u"metric"_s, u"value"_s, u"target"_s);
    for (const QString& text : parser.value(rowsOption).split(u',', Qt::SkipEmptyParts)) {
        const int count = text.trimmed().toInt();
        if (count <= 0)
            continue;
        const Targets targets = count >= 1000000 ? Targets{16, 1000, 300} : Targets{16, 100, 0};
        benchModel(count, seed, targets);
        std::printf("\n");
    }
    if (!parser.isSet(noServerOption)) {
        const int keys = parser.value(serverKeysOption).toInt();
        if (!benchServer(keys, seed))
            return 1;
    }
    return 0;
}
