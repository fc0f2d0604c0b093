#include "DemoLauncher.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#ifdef Q_OS_LINUX
#include <csignal>
#include <sys/prctl.h>
#endif

using namespace Qt::StringLiterals;

namespace td::app {

DemoLauncher::DemoLauncher(QObject* parent)
    : QObject(parent)
{
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.setStandardErrorFile(QProcess::nullDevice());
#ifdef Q_OS_LINUX
    m_process.setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
#endif
    connect(&m_process, &QProcess::readyReadStandardOutput, this, &DemoLauncher::onOutput);
    connect(&m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            emit failed(tr("The demo server could not be started: %1").arg(m_process.errorString()));
    });
    connect(&m_process, &QProcess::finished, this, [this](int code, QProcess::ExitStatus status) {
        if (!m_ready)
            emit failed(tr("The demo server stopped before it was ready (exit code %1).").arg(code));
        else if (!m_stopping)
            emit died(status == QProcess::CrashExit ? tr("The demo server has stopped: it crashed.")
                                                    : tr("The demo server has stopped (exit code %1).").arg(code));
    });
}

DemoLauncher::~DemoLauncher()
{
    stop();
}

QString DemoLauncher::findServer()
{
    const QString beside = QDir(QCoreApplication::applicationDirPath()).filePath(u"tokendesk-server"_s);
    if (QFileInfo(beside).isExecutable())
        return beside;
    // A build tree keeps the server in ../server.
    const QString buildTree = QDir(QCoreApplication::applicationDirPath()).filePath(u"../server/tokendesk-server"_s);
    if (QFileInfo(buildTree).isExecutable())
        return QFileInfo(buildTree).canonicalFilePath();
    return QStandardPaths::findExecutable(u"tokendesk-server"_s);
}

void DemoLauncher::start(const QString& serverPath, const QString& databasePath)
{
    if (serverPath.isEmpty()) {
        emit failed(tr("tokendesk-server was not found beside TokenDesk or on PATH."));
        return;
    }
    m_serverPath = serverPath;
    m_databasePath = databasePath;
    QDir().mkpath(QFileInfo(databasePath).absolutePath());
    m_ready = false;
    m_stopping = false;
    m_url.clear();
    m_email.clear();
    m_password.clear();
    m_buffer.clear();
    m_process.start(serverPath, {u"--demo"_s, u"--listen"_s, u"127.0.0.1:0"_s, u"--db"_s, databasePath});
}

void DemoLauncher::restart()
{
    stop();
    start(m_serverPath, m_databasePath);
}

void DemoLauncher::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_stopping = true;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

void DemoLauncher::onOutput()
{
    m_buffer += m_process.readAllStandardOutput();
    if (m_ready)
        return;
    const QList<QByteArray> lines = m_buffer.split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith("http"))
            m_url = QUrl(QString::fromLatin1(line.trimmed()));
        else if (line.startsWith("demo-email: "))
            m_email = QString::fromLatin1(line.mid(12).trimmed());
        else if (line.startsWith("demo-password: "))
            m_password = line.mid(15).trimmed();
    }
    if (m_url.isValid() && !m_email.isEmpty() && !m_password.isEmpty()) {
        m_ready = true;
        m_buffer.fill('\0');
        m_buffer.clear();
        emit ready();
    }
}

} // namespace td::app
