#pragma once

#include "app/CredentialKind.h"
#include "app/Jobs.h"

#include <QDateTime>
#include <QWidget>

#include <optional>

class QComboBox;
class QDateEdit;
class QLabel;

namespace td::ui {

// When a new credential expires, for the Generate and Rotate dialogs: presets, a custom date bounded by the
// server's limits (GET /limits), the outcome said in words before anything is created ("Valid through Thursday,
// 31 December 2026: it stops working at 01:00 on 1 January your time"), and a warning for "Never".
class ExpiryChooser final : public QWidget
{
    Q_OBJECT
public:
    enum class Preset { Keep, Days7, Days30, Days90, Year1, Custom, Never };
    ExpiryChooser(app::CredentialKind kind, const app::Limits& limits, QWidget* parent = nullptr);

    // Rotate: offers (and chooses) "the old one's lifetime", counted from now.
    void offerKeep(const QDateTime& createdAt, const QDateTime& expiresAt);
    void setPreset(Preset preset);
    Preset preset() const;
    // nullopt: keep the old one's lifetime; an invalid time: never; else when it expires.
    std::optional<QDateTime> expiry() const;
    QString problem() const; // why the choice cannot be sent, empty when it can
    void showServerError(const QString& message);
    void focusField(); // the field at fault
    QComboBox* combo() const { return m_combo; }

signals:
    void changed();

private:
    void update();
    QDateTime latest() const; // the latest expiry the limits allow; invalid: none

    app::CredentialKind m_kind;
    app::Limits m_limits;
    QComboBox* m_combo;
    QDateEdit* m_date;
    QLabel* m_sentence;
    QLabel* m_never;
    QLabel* m_error;
    qint64 m_keepMs = 0; // the old one's lifetime, for Keep
};

} // namespace td::ui
