#pragma once

#include "CredentialKind.h"
#include "CredentialModel.h"

#include <QAbstractTableModel>
#include <QPointer>

namespace td::app {

// The expiry overview for support staff: every credential of every kind that expires within the horizon (or has
// expired and is not revoked yet), soonest first, plus counts per kind and status.
class ExpiryModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Expires, Kind, Name, Key, Status, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        IdRole = Qt::UserRole, // the credential's id
        KindRole,              // its CredentialKind as int
    };

    explicit ExpiryModel(QObject* parent = nullptr);
    void addSource(CredentialKind kind, CredentialModel* model);
    void setHorizonDays(int days);
    int horizonDays() const { return m_horizonDays; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Count of one kind's credentials in one display status.
    int count(CredentialKind kind, CredentialModel::DisplayStatus status) const;
    // The timeline: how many listed credentials (not yet expired) expire in each week from now over the horizon;
    // week i covers [now + i·7 days, now + (i+1)·7 days).
    QList<int> expiringPerWeek() const;
    QDateTime now() const;

signals:
    void countsChanged();

private:
    void rebuild();

    struct Source
    {
        CredentialKind kind;
        QPointer<CredentialModel> model;
    };
    struct Row
    {
        CredentialKind kind;
        protocol::ApiKeyDto record;
        CredentialModel::DisplayStatus status;
    };
    QList<Source> m_sources;
    QList<Row> m_rows;
    QHash<int, int> m_counts; // kind * 16 + status -> count
    int m_horizonDays = 30;
};

} // namespace td::app
