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

    m_note = new QLabel(this);
    m_note->setObjectName(u"secretNote"_s);
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_note->hide();
    layout->addWidget(m_note);

    // A ready-to-run example, filled by setExample().
    m_exampleLabel = new QLabel(tr("Try it:"), this);
    m_example = new QLabel(this);
    m_example->setObjectName(u"exampleLabel"_s);
    m_example->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_example->setTextFormat(Qt::PlainText);
    m_example->setWordWrap(true);
    m_copyExample = new QPushButton(tr("Copy &example"), this);
    m_copyExample->setObjectName(u"copyExampleButton"_s);
    auto* exampleRow = new QHBoxLayout;
    exampleRow->addWidget(m_example, 1);
    exampleRow->addWidget(m_copyExample, 0, Qt::AlignTop);
    layout->addWidget(m_exampleLabel);
    layout->addLayout(exampleRow);
    for (QWidget* w : {static_cast<QWidget*>(m_exampleLabel), static_cast<QWidget*>(m_example),
                       static_cast<QWidget*>(m_copyExample)})
        w->hide();
    connect(m_copyExample, &QPushButton::clicked, this, [this, hint] {
        m_clipboard->copySecret(example(m_kind, m_server, m_secret->text()).toUtf8());
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

QString SecretDialog::example(app::CredentialKind kind, const QUrl& server, const QString& secret)
{
    const app::CredentialKindInfo& info = app::kindInfo(kind);
    const QString header = *info.authScheme ? u"Authorization: %1 %2"_s.arg(QLatin1StringView(info.authScheme), secret)
                                            : u"X-API-Key: %1"_s.arg(secret);
    QString base = server.toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    return u"curl -H \"%1\" %2/api/v1/me"_s.arg(header, base);
}

void SecretDialog::setExample(app::CredentialKind kind, const QUrl& server)
{
    m_kind = kind;
    m_server = server;
    // Shown with the secret shortened to what identifies it; the copy is whole.
    const QString secret = m_secret->text();
    const QString shortened = secret.size() > 16 ? secret.left(12) + u"…"_s + secret.right(4) : secret;
    m_example->setText(example(kind, server, shortened));
    for (QWidget* w : {static_cast<QWidget*>(m_exampleLabel), static_cast<QWidget*>(m_example),
                       static_cast<QWidget*>(m_copyExample)})
        w->setVisible(server.isValid());
}

void SecretDialog::setNote(const QString& text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
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
