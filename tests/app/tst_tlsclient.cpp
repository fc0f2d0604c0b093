// The console's TLS settings against the real server over HTTPS: a profile's CA file makes a private CA
// trusted, and a SHA-256 public-key pin refuses any other key even when the certificate chain is valid.
#include "TestServer.h"

#include "app/ApiClient.h"
#include "app/Jobs.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QSslKey>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace td;

class TestTlsClient : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QList<QSslCertificate> m_ca;
    test::TestServer m_server;

    bool run(app::ApiJob& job)
    {
        QSignalSpy spy(&job, &app::ApiJob::finished);
        job.start();
        return !spy.isEmpty() || spy.wait(20000);
    }

    QByteArray pinOf(const QSslCertificate& certificate)
    {
        return QCryptographicHash::hash(certificate.publicKey().toDer(), QCryptographicHash::Sha256);
    }

    bool makeCertificate(const QString& name)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStandardPaths::findExecutable(u"openssl"_s),
                {u"req"_s, u"-x509"_s, u"-newkey"_s, u"ec"_s, u"-pkeyopt"_s, u"ec_paramgen_curve:P-256"_s, u"-nodes"_s,
                 u"-days"_s, u"2"_s, u"-subj"_s, u"/CN=127.0.0.1"_s, u"-addext"_s, u"subjectAltName=IP:127.0.0.1"_s,
                 u"-keyout"_s, m_dir.filePath(name + u"-key.pem"_s), u"-out"_s, m_dir.filePath(name + u"-cert.pem"_s)});
        return p.waitForFinished(30000) && p.exitCode() == 0;
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(!QStandardPaths::findExecutable(u"openssl"_s).isEmpty(), "openssl is installed by scripts/deps.sh");
        QVERIFY(makeCertificate(u"server"_s));
        QVERIFY(makeCertificate(u"other"_s));
        QFile cert(m_dir.filePath(u"server-cert.pem"_s));
        QVERIFY(cert.open(QIODevice::ReadOnly));
        m_ca = QSslCertificate::fromData(cert.readAll(), QSsl::Pem);
        QCOMPARE(m_ca.size(), 1);
        m_server.setCaCertificates(m_ca);
        QVERIFY(m_server.start({u"--tls-cert"_s, m_dir.filePath(u"server-cert.pem"_s), u"--tls-key"_s,
                                m_dir.filePath(u"server-key.pem"_s)}));
        QCOMPARE(m_server.url().scheme(), u"https"_s);
    }

    void withoutTheCaFileTheServerIsNotTrusted()
    {
        app::ApiClient client;
        client.setBaseUrl(m_server.url());
        app::LoginJob job(&client, QString::fromLatin1(test::TestServer::AdminEmail), test::TestServer::AdminPassword);
        QVERIFY(run(job));
        QCOMPARE(job.error().kind, app::ApiError::Kind::Tls);
        QVERIFY(job.error().userMessage().contains(u"CA file"_s));
    }

    void theCaFileMakesItTrusted()
    {
        app::ApiClient client;
        client.setBaseUrl(m_server.url());
        client.setCaCertificates(m_ca);
        app::LoginJob job(&client, QString::fromLatin1(test::TestServer::AdminEmail), test::TestServer::AdminPassword);
        QVERIFY(run(job));
        QVERIFY2(job.error().ok(), qPrintable(job.error().userMessage()));
        QVERIFY(job.result().token.size() > 100);
    }

    void theRightPinPassesAndAnyOtherIsRefused()
    {
        QFile other(m_dir.filePath(u"other-cert.pem"_s));
        QVERIFY(other.open(QIODevice::ReadOnly));
        const QSslCertificate otherCert = QSslCertificate::fromData(other.readAll(), QSsl::Pem).value(0);
        for (const auto& [pin, accepted] :
             {std::pair{pinOf(m_ca.constFirst()), true}, std::pair{pinOf(otherCert), false}}) {
            app::ApiClient client;
            client.setBaseUrl(m_server.url());
            client.setCaCertificates(m_ca);
            client.setPinnedPublicKeySha256(pin);
            QTest::qWait(600); // earlier requests reach the log first
            const qsizetype loginsBefore = m_server.log().count(u"POST /api/v1/auth/login"_s);
            app::LoginJob job(&client, QString::fromLatin1(test::TestServer::AdminEmail),
                              test::TestServer::AdminPassword);
            QVERIFY(run(job));
            // The server writes its access log every 200 ms: wait long enough to see a request that arrived.
            QTest::qWait(600);
            const qsizetype logins = m_server.log().count(u"POST /api/v1/auth/login"_s) - loginsBefore;
            if (accepted) {
                QVERIFY2(job.error().ok(), qPrintable(job.error().userMessage()));
                QCOMPARE(logins, 1);
            } else {
                QCOMPARE(job.error().kind, app::ApiError::Kind::Tls);
                QVERIFY(job.error().message.contains(u"pinned"_s));
                QCOMPARE(logins, 0); // refused after the handshake: the password never left
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestTlsClient)
#include "tst_tlsclient.moc"
