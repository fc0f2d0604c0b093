#pragma once

#include <QByteArray>
#include <QObject>
#include <QTimer>

namespace td::app {

// Copies a secret to the clipboard marked for password managers (x-kde-passwordManagerHint) and clears it
// after a timeout, unless the user has copied something else since (after KeePassXC's Clipboard).
class ClipboardGuard final : public QObject
{
    Q_OBJECT
public:
    explicit ClipboardGuard(QObject* parent = nullptr);
    ~ClipboardGuard() override;

    void copySecret(const QByteArray& secret, int clearAfterMs = 30000);
    bool isArmed() const { return m_timer.isActive(); }
    int clearAfterMs() const { return m_timer.interval(); } // of the last copy
    static constexpr auto PasswordManagerHint = "x-kde-passwordManagerHint";

signals:
    void cleared();

private:
    void clearIfUnchanged();

    QTimer m_timer;
    QByteArray m_fingerprint; // SHA-256 of what was copied, to recognise it without keeping it
};

} // namespace td::app
