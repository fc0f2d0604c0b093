#include "ClipboardGuard.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>

using namespace Qt::StringLiterals;

namespace td::app {

namespace {
QByteArray fingerprint(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}
} // namespace

ClipboardGuard::ClipboardGuard(QObject* parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ClipboardGuard::clearIfUnchanged);
}

ClipboardGuard::~ClipboardGuard()
{
    // Quitting within the timeout still clears what we put there.
    if (m_timer.isActive())
        clearIfUnchanged();
}

void ClipboardGuard::copySecret(const QByteArray& secret, int clearAfterMs)
{
    auto* mime = new QMimeData;
    mime->setText(QString::fromLatin1(secret));
    mime->setData(QString::fromLatin1(PasswordManagerHint), QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(mime, QClipboard::Clipboard);
    m_fingerprint = fingerprint(QString::fromLatin1(secret));
    m_timer.start(clearAfterMs);
}

void ClipboardGuard::clearIfUnchanged()
{
    m_timer.stop();
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (fingerprint(clipboard->text(QClipboard::Clipboard)) == m_fingerprint)
        clipboard->clear(QClipboard::Clipboard);
    m_fingerprint.clear();
    emit cleared();
}

} // namespace td::app
