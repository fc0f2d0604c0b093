#include "ConnectionsDialog.h"

#include "Icons.h"
#include "LoginDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QUuid>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using td::app::ConnectionProfile;

namespace td::ui {

ConnectionsDialog::ConnectionsDialog(app::SecretStore* secrets, QWidget* parent)
    : QDialog(parent)
    , m_secrets(secrets)
{
    setObjectName(u"connectionsDialog"_s);
    setWindowTitle(tr("Connections"));
    resize(560, 360);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("The servers TokenDesk connects to. A connection is kept once its first sign-in has "
                                "worked."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* row = new QHBoxLayout;
    m_list = new QListWidget(this);
    m_list->setObjectName(u"connectionList"_s);
    m_list->setAccessibleName(tr("Connections"));
    row->addWidget(m_list, 1);
    auto* side = new QVBoxLayout;
    auto* add = new QPushButton(themedIcon(u"list-add"_s), tr("&Add…"), this);
    add->setObjectName(u"addConnectionButton"_s);
    m_edit = new QPushButton(themedIcon(u"document-edit"_s), tr("&Edit…"), this);
    m_edit->setObjectName(u"editConnectionButton"_s);
    m_duplicate = new QPushButton(themedIcon(u"edit-copy"_s), tr("D&uplicate"), this);
    m_duplicate->setObjectName(u"duplicateConnectionButton"_s);
    m_delete = new QPushButton(themedIcon(u"edit-delete"_s), tr("&Delete…"), this);
    m_delete->setObjectName(u"deleteConnectionButton"_s);
    for (QPushButton* b : {add, m_edit, m_duplicate, m_delete})
        side->addWidget(b);
    side->addStretch(1);
    row->addLayout(side);
    layout->addLayout(row, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(add, &QPushButton::clicked, this, &ConnectionsDialog::addProfile);
    connect(m_edit, &QPushButton::clicked, this, &ConnectionsDialog::editSelected);
    connect(m_duplicate, &QPushButton::clicked, this, &ConnectionsDialog::duplicateSelected);
    connect(m_delete, &QPushButton::clicked, this, &ConnectionsDialog::deleteSelected);
    connect(m_list, &QListWidget::itemDoubleClicked, this, &ConnectionsDialog::editSelected);
    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionsDialog::updateButtons);
    reload();
}

void ConnectionsDialog::reload(const QString& selectId)
{
    m_profiles = app::ProfileStore::load();
    m_list->clear();
    int select = m_profiles.isEmpty() ? -1 : 0;
    for (int i = 0; i < m_profiles.size(); ++i) {
        const ConnectionProfile& p = m_profiles.at(i);
        auto* item = new QListWidgetItem(
            tr("%1 — %2 (%3)").arg(p.name, p.baseUrl.toString(), ConnectionProfile::environmentName(p.environment)),
            m_list);
        item->setData(Qt::UserRole, p.id);
        if (p.id == selectId)
            select = i;
    }
    m_list->setCurrentRow(select);
    updateButtons();
}

void ConnectionsDialog::updateButtons()
{
    const bool any = selectedIndex() >= 0;
    m_edit->setEnabled(any);
    m_duplicate->setEnabled(any);
    m_delete->setEnabled(any);
}

int ConnectionsDialog::selectedIndex() const
{
    const int row = m_list->currentRow();
    return row >= 0 && row < m_profiles.size() ? row : -1;
}

QStringList ConnectionsDialog::namesExcept(const QString& id) const
{
    QStringList names;
    for (const ConnectionProfile& p : m_profiles) {
        if (p.id != id)
            names.append(p.name);
    }
    return names;
}

void ConnectionsDialog::save()
{
    app::ProfileStore::save(m_profiles);
}

void ConnectionsDialog::addProfile()
{
    ConnectionProfile blank;
    blank.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    auto* editor = new LoginDialog(this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setEditing(blank, namesExcept(blank.id));
    connect(editor, &LoginDialog::saveRequested, this, [this, editor] {
        const ConnectionProfile p = editor->profile();
        m_profiles.append(p);
        save();
        editor->accept();
        reload(p.id);
    });
    editor->open();
}

void ConnectionsDialog::editSelected()
{
    const int index = selectedIndex();
    if (index < 0)
        return;
    const ConnectionProfile original = m_profiles.at(index);
    auto* editor = new LoginDialog(this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    editor->setEditing(original, namesExcept(original.id));
    connect(editor, &LoginDialog::saveRequested, this, [this, editor, id = original.id] {
        for (ConnectionProfile& p : m_profiles) {
            if (p.id == id)
                p = editor->profile();
        }
        save();
        editor->accept();
        reload(id);
    });
    editor->open();
}

void ConnectionsDialog::duplicateSelected()
{
    const int index = selectedIndex();
    if (index < 0)
        return;
    ConnectionProfile copy = m_profiles.at(index);
    copy.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    copy.rememberLogin = false; // the keychain entries are the original's
    // "Staging (copy)", "Staging (copy 2)", …: names stay unique.
    const QStringList taken = namesExcept({});
    QString name = tr("%1 (copy)").arg(copy.name);
    for (int n = 2; taken.contains(name, Qt::CaseInsensitive); ++n)
        name = tr("%1 (copy %2)").arg(copy.name).arg(n);
    copy.name = name;
    m_profiles.insert(index + 1, copy);
    save();
    reload(copy.id);
}

void ConnectionsDialog::deleteSelected()
{
    const int index = selectedIndex();
    if (index < 0)
        return;
    const ConnectionProfile p = m_profiles.at(index);
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Delete connection"),
                                tr("Delete the connection \"%1\"? Its remembered login and stored token are deleted "
                                   "from the system keychain too.")
                                    .arg(p.name),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"deleteConnectionConfirm"_s);
    QPushButton* remove = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    remove->setObjectName(u"confirmDeleteConnectionButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, p](QAbstractButton* button) {
        if (button != remove)
            return;
        m_profiles.erase(std::remove_if(m_profiles.begin(), m_profiles.end(),
                                        [&](const ConnectionProfile& q) { return q.id == p.id; }),
                         m_profiles.end());
        save();
        if (app::ProfileStore::lastUsedProfileId() == p.id)
            app::ProfileStore::setLastUsedProfileId({});
        app::deleteProfileSecrets(m_secrets, p.id, this, [](const app::ApiError&) {});
        reload();
    });
    box->open();
}

} // namespace td::ui
