#include "RotateDialog.h"

#include "ExpiryChooser.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace td::ui {

RotateDialog::RotateDialog(const QString& name, app::CredentialKind kind, const app::Limits& limits, QWidget* parent)
    : QDialog(parent)
{
    setObjectName(u"rotateDialog"_s);
    setWindowTitle(tr("Rotate \"%1\"").arg(name));
    auto* layout = new QVBoxLayout(this);
    auto* text = new QLabel(tr("A new secret replaces \"%1\" with the same name, scopes and allowlist. The old secret "
                               "keeps working for the grace period, so that its users can switch over.")
                                .arg(name.toHtmlEscaped()),
                            this);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* form = new QFormLayout;
    m_grace = new QComboBox(this);
    m_grace->setObjectName(u"graceCombo"_s);
    m_grace->setAccessibleName(tr("Grace period"));
    m_grace->addItem(tr("None: the old secret stops now"), 0);
    m_grace->addItem(tr("1 hour"), 3600);
    m_grace->addItem(tr("24 hours"), 24 * 3600);
    m_grace->addItem(tr("7 days"), 7 * 24 * 3600);
    m_grace->addItem(tr("30 days"), 30 * 24 * 3600);
    m_grace->setCurrentIndex(2);
    form->addRow(tr("&Grace period:"), m_grace);
    m_expiry = new ExpiryChooser(kind, limits, this);
    auto* expiryLabel =
        new QLabel(app::kindInfo(kind).expiryIsDate ? tr("New one &valid until:") : tr("New one &expires:"), this);
    expiryLabel->setBuddy(m_expiry->combo());
    form->addRow(expiryLabel, m_expiry);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("&Rotate"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(u"rotateButton"_s);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    layout->addWidget(buttons);
    connect(m_expiry, &ExpiryChooser::changed, this, [this] { m_ok->setEnabled(m_expiry->problem().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

qint64 RotateDialog::graceSeconds() const
{
    return m_grace->currentData().toLongLong();
}

void RotateDialog::setLifetime(const QDateTime& createdAt, const QDateTime& expiresAt)
{
    m_expiry->offerKeep(createdAt, expiresAt);
}

std::optional<QDateTime> RotateDialog::expiry() const
{
    return m_expiry->expiry();
}

void RotateDialog::setGraceSeconds(qint64 seconds)
{
    const int index = m_grace->findData(int(seconds));
    if (index >= 0)
        m_grace->setCurrentIndex(index);
}

} // namespace td::ui
