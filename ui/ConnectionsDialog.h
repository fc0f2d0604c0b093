#pragma once

#include "app/Profiles.h"

#include <QDialog>

class QListWidget;
class QPushButton;

namespace td::ui {

// Settings → Connections…: every saved connection profile, with Add, Edit, Duplicate and Delete. Names stay
// unique; deleting a profile deletes its keychain entries too (a remembered login, a stored token).
class ConnectionsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionsDialog(app::SecretStore* secrets, QWidget* parent = nullptr);

    void addProfile();
    void editSelected();
    void duplicateSelected();
    void deleteSelected();

private:
    void reload(const QString& selectId = {});
    void updateButtons();
    int selectedIndex() const;
    QStringList namesExcept(const QString& id) const;
    void save();

    app::SecretStore* m_secrets;
    QList<app::ConnectionProfile> m_profiles;
    QListWidget* m_list;
    QPushButton* m_edit;
    QPushButton* m_duplicate;
    QPushButton* m_delete;
};

} // namespace td::ui
