#include "TrayNotifier.h"

#include "Icons.h"
#include "app/CredentialKind.h"

#include <QAction>
#include <QIcon>
#include <QMenu>
#include <QSystemTrayIcon>

using namespace Qt::StringLiterals;

namespace td::ui {

TrayNotifier::TrayNotifier(app::ExpiryNotifier* notifier, QObject* parent)
    : QObject(parent)
    , m_notifier(notifier)
{
    m_hourly.setInterval(CheckIntervalMs);
    connect(&m_hourly, &QTimer::timeout, this, &TrayNotifier::checkNow);
    m_spacing.setSingleShot(true);
    m_spacing.setInterval(MessageMs);
    connect(&m_spacing, &QTimer::timeout, this, &TrayNotifier::showNext);
    connect(m_notifier, &app::ExpiryNotifier::found, this, &TrayNotifier::enqueue);
    connect(m_notifier, &app::ExpiryNotifier::problemsChanged, this, &TrayNotifier::updateToolTip);
}

TrayNotifier::~TrayNotifier()
{
    delete m_icon;
    delete m_menu; // a menu without a parent widget: the icon does not own it
}

void TrayNotifier::start()
{
    if (!m_icon && QSystemTrayIcon::isSystemTrayAvailable()) {
        m_icon = new QSystemTrayIcon(QIcon(u":/icons/tokendesk.svg"_s), this);
        m_icon->setObjectName(u"trayIcon"_s);
        m_menu = new QMenu;
        m_menu->setObjectName(u"trayMenu"_s);
        QAction* open = m_menu->addAction(QIcon(u":/icons/tokendesk.svg"_s), tr("&Open TokenDesk"));
        open->setObjectName(u"trayOpenAction"_s);
        connect(open, &QAction::triggered, this, &TrayNotifier::showRequested);
        QAction* check = m_menu->addAction(themedIcon(u"view-refresh"_s), tr("&Check now"));
        check->setObjectName(u"trayCheckAction"_s);
        connect(check, &QAction::triggered, this, &TrayNotifier::checkNow);
        m_menu->addSeparator();
        QAction* quit = m_menu->addAction(themedIcon(u"application-exit"_s), tr("&Quit"));
        quit->setObjectName(u"trayQuitAction"_s);
        connect(quit, &QAction::triggered, this, &TrayNotifier::quitRequested);
        m_icon->setContextMenu(m_menu);
        connect(m_icon, &QSystemTrayIcon::messageClicked, this, &TrayNotifier::openCurrentMessage);
        connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
            if (reason == QSystemTrayIcon::Trigger || reason == QSystemTrayIcon::DoubleClick)
                emit showRequested();
        });
        updateToolTip();
        m_icon->show();
    }
    checkNow();
    m_hourly.start();
}

void TrayNotifier::checkNow()
{
    m_notifier->check();
}

QString TrayNotifier::messageTitle(const app::ExpiryFinding& finding)
{
    return tr("Expiring soon — %1").arg(finding.profileName);
}

QString TrayNotifier::messageText(const app::ExpiryFinding& finding, const QDateTime& now)
{
    const qint64 seconds = now.secsTo(finding.expiresAt);
    const QString kind = app::kindName(finding.kind);
    if (seconds < 24 * 3600)
        return tr("%1 \"%2\" expires within a day.").arg(kind, finding.name);
    // Whole days, the nearest: created "in 10 days" and looked at a minute later is still "in 10 days".
    const int days = int((seconds + 12 * 3600) / (24 * 3600));
    return tr("%1 \"%2\" expires in %n day(s).", nullptr, days).arg(kind, finding.name);
}

void TrayNotifier::enqueue(const app::ExpiryFinding& finding)
{
    m_queue.append(finding);
    showNext();
}

void TrayNotifier::showNext()
{
    if (m_spacing.isActive() || m_queue.isEmpty())
        return;
    m_current = m_queue.takeFirst();
    m_hasCurrent = true;
    const Message message{messageTitle(m_current), messageText(m_current, m_notifier->now()), m_current};
    if (m_hook)
        m_hook(message);
    else if (m_icon)
        m_icon->showMessage(message.title, message.text, QSystemTrayIcon::Warning, MessageMs);
    m_spacing.start();
}

void TrayNotifier::openCurrentMessage()
{
    if (m_hasCurrent)
        emit openRequested(m_current);
    else
        emit showRequested();
}

void TrayNotifier::updateToolTip()
{
    if (!m_icon)
        return;
    QStringList lines{tr("TokenDesk: notifies of expiring credentials")};
    const QList<app::ExpiryNotifier::Problem> problems = m_notifier->problems();
    for (const app::ExpiryNotifier::Problem& p : problems)
        lines.append(tr("%1: %2").arg(p.profileName, p.text));
    m_icon->setToolTip(lines.join(u'\n'));
}

} // namespace td::ui
