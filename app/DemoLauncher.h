#pragma once

#include <QObject>
#include <QProcess>
#include <QString>
#include <QUrl>

namespace td::app {

// `tokendesk --demo`: starts tokendesk-server --demo on a free loopback port with its database in the
// application data folder, reads the URL and the demo login from its output, and stops it again when the
// console quits. On Linux the server also gets PR_SET_PDEATHSIG, so a crashed console leaves no orphan.
class DemoLauncher final : public QObject
{
    Q_OBJECT
public:
    explicit DemoLauncher(QObject* parent = nullptr);
    ~DemoLauncher() override;

    // Beside the console's executable first, then on PATH.
    static QString findServer();
    void start(const QString& serverPath, const QString& databasePath);
    // A fresh sandbox from the same binary and database path as the last start (after a failure or a death).
    void restart();
    void stop();
    bool isRunning() const { return m_process.state() == QProcess::Running; }
    QUrl url() const { return m_url; }
    QString email() const { return m_email; }
    QByteArray password() const { return m_password; }
    qint64 processId() const { return m_process.processId(); }

signals:
    void ready();
    void failed(const QString& message); // before it was ready
    void died(const QString& message);   // after it was ready, without stop()

private:
    void onOutput();

    QProcess m_process;
    QByteArray m_buffer;
    QUrl m_url;
    QString m_email;
    QByteArray m_password;
    bool m_ready = false;
    bool m_stopping = false;
    QString m_serverPath;
    QString m_databasePath;
};

} // namespace td::app
