#pragma once

#include "app/ExpiryNotifier.h"

#include <QList>
#include <QObject>
#include <QTimer>

#include <functional>

class QMenu;
class QSystemTrayIcon;

namespace td::ui {

// The system tray icon (where the desktop has a tray) and the desktop notifications of ExpiryNotifier's findings: a
// check at start and every hour, one message per new finding ("API key "CI deploy" expires in 3 days"), shown one
// after the other; clicking a message asks to open its credential (openRequested). The menu: Open TokenDesk, Check
// now, Quit. Closing the main window still quits: the tray only notifies.
class TrayNotifier final : public QObject
{
    Q_OBJECT
public:
    struct Message
    {
        QString title;
        QString text;
        app::ExpiryFinding finding;
    };
    using Hook = std::function<void(const Message& message)>;

    static constexpr int CheckIntervalMs = 3600 * 1000;
    static constexpr int MessageMs = 10000; // how long a message shows before the next one

    explicit TrayNotifier(app::ExpiryNotifier* notifier, QObject* parent = nullptr);
    ~TrayNotifier() override;
    Q_DISABLE_COPY_MOVE(TrayNotifier)

    // The icon (if the desktop has a tray), the first check, then one every hour.
    void start();
    void checkNow();
    app::ExpiryNotifier* notifier() const { return m_notifier; }
    QSystemTrayIcon* icon() const { return m_icon; } // null without a system tray
    QMenu* menu() const { return m_menu; }

    // Test hook: each message goes to hook instead of the tray (there is none offscreen).
    void setMessageHook(Hook hook) { m_hook = std::move(hook); }
    void setMessageSpacing(int ms) { m_spacing.setInterval(ms); } // MessageMs by default
    // What clicking the message on screen does (QSystemTrayIcon::messageClicked): opens its credential.
    void openCurrentMessage();

    // "API key "CI deploy" expires in 3 days."
    static QString messageText(const app::ExpiryFinding& finding, const QDateTime& now);
    static QString messageTitle(const app::ExpiryFinding& finding);

signals:
    void openRequested(const td::app::ExpiryFinding& finding);
    void showRequested(); // Open TokenDesk, or a click on the icon
    void quitRequested();

private:
    void enqueue(const app::ExpiryFinding& finding);
    void showNext();
    void updateToolTip();

    app::ExpiryNotifier* m_notifier;
    QSystemTrayIcon* m_icon = nullptr;
    QMenu* m_menu = nullptr; // ours: a menu without a parent widget
    QTimer m_hourly;
    QTimer m_spacing; // one message at a time: a message's click must open that message's credential
    QList<app::ExpiryFinding> m_queue;
    app::ExpiryFinding m_current;
    bool m_hasCurrent = false;
    Hook m_hook;
};

} // namespace td::ui
