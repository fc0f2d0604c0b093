#include "SecretDialog.h"

#include "app/ClipboardGuard.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace td::ui {

SecretDialog::SecretDialog(const QString& title, const QString& name, QByteArray secret, app::ClipboardGuard* clipboard,
                           QWidget* parent)
    : QDialog(parent)
    , m_clipboard(clipboard)
{
    setObjectName(u"secretDialog"_s);
    setWindowTitle(title);
    auto* layout = new QVBoxLayout(this);
    auto* warning =
        new QLabel(tr("<b>Copy the secret of \"%1\" now.</b> It is shown only this once: TokenDesk does not "
                      "keep it and the server stores only a digest, so nobody can show it again.")
                       .arg(name.toHtmlEscaped()),
                   this);
    warning->setObjectName(u"secretWarning"_s);
    warning->setWordWrap(true);
    layout->addWidget(warning);

    auto* row = new QHBoxLayout;
    m_secret = new QLineEdit(QString::fromLatin1(secret), this);
    secret.fill('\0');
    m_secret->setObjectName(u"secretEdit"_s);
    m_secret->setReadOnly(true);
    m_secret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_secret->setAccessibleName(tr("New secret"));
    m_secret->setMinimumWidth(m_secret->fontMetrics().horizontalAdvance(m_secret->text()) + 24);
    row->addWidget(m_secret);
    m_copy = new QPushButton(tr("&Copy"), this);
    m_copy->setObjectName(u"copyButton"_s);
    m_copy->setAccessibleName(tr("Copy the secret"));
    row->addWidget(m_copy);
    layout->addLayout(row);
    auto* hint = new QLabel(tr("The clipboard is cleared after 30 seconds unless you copy something else."), this);
    hint->setWordWrap(true);
    layout->addWidget(hint);
    connect(m_copy, &QPushButton::clicked, this, [this, hint] {
        m_clipboard->copySecret(m_secret->text().toLatin1());
        hint->setText(tr("Copied. The clipboard will be cleared in 30 seconds."));
    });

    m_stored = new QCheckBox(tr("I have stored the secret in a safe place"), this);
    m_stored->setObjectName(u"storedCheck"_s);
    layout->addWidget(m_stored);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(u"secretButtons"_s);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
}

SecretDialog::~SecretDialog()
{
    m_secret->clear();
}

void SecretDialog::done(int result)
{
    if (!m_stored->isChecked()) {
        bool close = m_autoAnswer == 1;
        if (m_autoAnswer < 0) {
            close = QMessageBox::warning(
                        this, tr("Close without the secret?"),
                        tr("The secret cannot be shown again. If you have not stored it, you will have "
                           "to rotate or generate a new one. Close anyway?"),
                        QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Close;
        }
        if (!close)
            return;
    }
    m_secret->clear(); // nothing keeps the secret once the dialog is gone
    QDialog::done(result);
}

} // namespace td::ui
