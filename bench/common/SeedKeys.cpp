#include "SeedKeys.h"

#include "protocol/Token.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace td::bench {

bool seedKeys(const QString& databasePath, int count, quint32 seed, QString* error)
{
    const QString connection = u"bench-seed"_s;
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, connection);
        db.setDatabaseName(databasePath);
        if (!db.open()) {
            *error = db.lastError().text();
        } else {
            QSqlQuery q(db);
            QString creator = u"bench"_s;
            if (q.exec(u"SELECT id FROM users LIMIT 1"_s) && q.next())
                creator = u"user:"_s + q.value(0).toString();
            db.transaction();
            q.prepare(u"INSERT INTO credentials (id, kind, tenant_id, name, description, prefix, last4, digest, "
                      "scopes, ip_allowlist, created_at, created_by, expires_at, rotated_from) "
                      "VALUES (?, 'apiKey', 'default', ?, '', ?, ?, ?, ?, '[]', ?, ?, NULL, NULL)"_s);
            QRandomGenerator random(seed);
            const qint64 nowMs = QDateTime::currentMSecsSinceEpoch();
            ok = true;
            for (int i = 0; i < count && ok; ++i) {
                const QByteArray token = td::protocol::OpaqueToken::generate(td::protocol::TokenKind::ApiKey);
                QByteArray digest(32, Qt::Uninitialized);
                random.fillRange(reinterpret_cast<quint32*>(digest.data()), 8);
                q.addBindValue(QString::fromLatin1("key_" + td::protocol::randomBase62(20)));
                q.addBindValue(u"seeded key %1"_s.arg(i));
                q.addBindValue(QString::fromLatin1(token.left(12)));
                q.addBindValue(QString::fromLatin1(token.right(4)));
                q.addBindValue(digest);
                q.addBindValue(random.bounded(2) ? u"[\"read:products\"]"_s : u"[\"read:orders\",\"write:orders\"]"_s);
                q.addBindValue(nowMs - qint64(random.bounded(365 * 86400)) * 1000);
                q.addBindValue(creator);
                ok = q.exec();
                if (!ok)
                    *error = q.lastError().text();
            }
            ok = ok && db.commit();
            db.close();
        }
    }
    QSqlDatabase::removeDatabase(connection);
    return ok;
}

} // namespace td::bench
