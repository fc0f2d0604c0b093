#include "AboutDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>
#include <QtGlobal>
#include <QtNetwork/qtnetworkglobal.h>
#if QT_CONFIG(ssl)
#include <QSslSocket>
#endif

using namespace Qt::StringLiterals;

namespace td::ui {

namespace {

QLabel* addLabel(QVBoxLayout* layout, const QString& objectName, const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    // Selectable, so that the versions can be pasted into a bug report.
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(label);
    return label;
}

} // namespace

AboutDialog::AboutDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(u"aboutDialog"_s);
    setWindowTitle(tr("About TokenDesk"));
    const QIcon icon(u":/icons/tokendesk.svg"_s);
    setWindowIcon(icon);

    auto* layout = new QHBoxLayout(this);
    auto* iconLabel = new QLabel(this);
    iconLabel->setObjectName(u"iconLabel"_s);
    iconLabel->setPixmap(icon.pixmap(96, 96));
    iconLabel->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    layout->addWidget(iconLabel);

    auto* column = new QVBoxLayout;
    auto* name = addLabel(column, u"nameLabel"_s, u"<h2>%1</h2>"_s.arg(tr("TokenDesk").toHtmlEscaped()), this);
    name->setTextFormat(Qt::RichText);
    addLabel(column, u"versionLabel"_s, tr("Version %1").arg(QStringLiteral(TOKENDESK_VERSION)), this);
    addLabel(column, u"descriptionLabel"_s,
             tr("Admin console for API keys, user authorization tokens and private tokens."), this);
    addLabel(column, u"copyrightLabel"_s, tr("Copyright © 2026 TokenDesk contributors"), this);
    addLabel(column, u"licenseLabel"_s, tr("Licensed under the MIT License."), this);
    column->addSpacing(8);
    addLabel(column, u"keychainLabel"_s, keychainText(), this);
    addLabel(column, u"qtVersionLabel"_s, qtVersionText(), this);
    addLabel(column, u"sslVersionLabel"_s, sslVersionText(), this);
    column->addStretch(1);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(u"aboutButtons"_s);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    column->addWidget(buttons);
    layout->addLayout(column, 1);
    setMinimumWidth(460);
}

AboutDialog::~AboutDialog() = default;

QString AboutDialog::qtVersionText()
{
    return tr("Qt %1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
}

QString AboutDialog::sslVersionText()
{
#if QT_CONFIG(ssl)
    // Loads the TLS backend (and with it libssl) if nothing has yet: what HTTPS connections will use.
    if (QSslSocket::supportsSsl()) {
        return tr("TLS: %1 (built with %2)")
            .arg(QSslSocket::sslLibraryVersionString(), QSslSocket::sslLibraryBuildVersionString());
    }
    return tr("TLS: no OpenSSL library could be loaded (built with %1); HTTPS connections will fail.")
        .arg(QSslSocket::sslLibraryBuildVersionString());
#else
    return tr("TLS: this Qt was built without TLS support; HTTPS connections will fail.");
#endif
}

QString AboutDialog::keychainText()
{
#if defined(Q_OS_MACOS)
    return tr("Secrets are kept in the macOS Keychain.");
#elif defined(Q_OS_WIN)
    return tr("Secrets are kept in the Windows Credential Manager.");
#else
    return tr("Secrets are kept in the Secret Service (for example GNOME Keyring or KeePassXC) or in KWallet.");
#endif
}

} // namespace td::ui
