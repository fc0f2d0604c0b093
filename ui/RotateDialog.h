#pragma once

#include "app/CredentialKind.h"
#include "app/Jobs.h"

#include <QDateTime>
#include <QDialog>

#include <optional>

class QComboBox;
class QPushButton;

namespace td::ui {

class ExpiryChooser;

// Asks for the grace period during which the old credential keeps working after a rotation, and when the new one
// expires (by default the old one's lifetime, counted from now; bounded by the server's limits).
class RotateDialog final : public QDialog
{
    Q_OBJECT
public:
    RotateDialog(const QString& name, app::CredentialKind kind = app::CredentialKind::ApiKey,
                 const app::Limits& limits = {}, QWidget* parent = nullptr);
    qint64 graceSeconds() const;
    void setGraceSeconds(qint64 seconds);
    // The old one's lifetime, offered (and chosen) for the new one.
    void setLifetime(const QDateTime& createdAt, const QDateTime& expiresAt);
    // nullopt: the old one's lifetime; an invalid time: never.
    std::optional<QDateTime> expiry() const;

private:
    QComboBox* m_grace;
    ExpiryChooser* m_expiry;
    QPushButton* m_ok;
};

} // namespace td::ui
