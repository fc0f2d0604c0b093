#pragma once

#include "CredentialRows.h"
#include "protocol/Dto.h"

#include <QAbstractTableModel>
#include <QColor>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>

#include <vector>

namespace td::app {

// The credentials of one kind in one tenant. Never holds a secret: the server never sends one after creation.
class CredentialModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    // In the order shown: what tells credentials apart and whether they work comes first (issue 11).
    enum Column { Name, Key, Status, Expires, LastUsed, Scopes, Created, IpAllowlist, Owner, ColumnCount };
    Q_ENUM(Column)
    enum Role {
        IdRole = Qt::UserRole, // the record's id
        StatusRole,            // DisplayStatus as int
    };
    // What the status filter and the status column show: "expiring soon" is computed here.
    enum class DisplayStatus { Active, ExpiringSoon, Expired, Revoked, Suspended };
    Q_ENUM(DisplayStatus)
    static constexpr int ExpiringSoonDays = 7;

    explicit CredentialModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setRecords(const QList<protocol::ApiKeyDto>& records);
    void setRows(CredentialRows rows);
    void appendRecords(const QList<protocol::ApiKeyDto>& records);
    void appendRows(CredentialRows rows);
    // Inserts or replaces records by id (after create, rotate, revoke, patch).
    void upsert(const protocol::ApiKeyDto& record);
    // Many at once (a bulk revoke): one insertion for the new ones, one dataChanged for the known ones, so that
    // whatever follows the model (the expiry overview) rebuilds once, not once per record.
    void upsert(const QList<protocol::ApiKeyDto>& records);
    void clear();

    const CredentialRows& rows() const { return m_rows; }
    protocol::ApiKeyDto record(int row) const
    {
        protocol::ApiKeyDto r = m_rows.record(row);
        r.kind = m_kind; // rows hold one kind's records and do not store it
        return r;
    }
    void setKind(protocol::CredentialKind kind) { m_kind = kind; }
    protocol::CredentialKind kind() const { return m_kind; }
    int rowOf(const QString& id) const; // -1: not here. Through an index built on first use after a change.
    DisplayStatus displayStatus(int row) const;
    DisplayStatus displayStatus(int row, qint64 nowMs) const;
    // Lower-cased UTF-8 text a search matches against.
    std::string_view searchText(int row) const { return m_rows.searchText(row); }
    // Lower-cased UTF-8 sort key of a text column, as a view into the row's search text: no allocation.
    std::string_view sortText(int row, int column) const;

    // Who each credential's creator is, for the Owner column (issue 17): user id -> how to name them (an e-mail),
    // and the signed-in user's id, shown as "You".
    void setPeople(const QHash<QString, QString>& names, const QString& me);
    QString ownerText(const QString& createdBy) const;

    // "Now" for relative times and "expiring soon"; a test or the expiry overview may fix it.
    void setNow(const QDateTime& now);
    QDateTime now() const;

    static QString relativeTime(const QDateTime& when, const QDateTime& now); // "in 3 days", "2 hours ago"
    static QString statusText(DisplayStatus status);
    // What the Expires column shows: the day in the locale's short form and how far off it is, "31/12/2026 (in 3
    // days)".
    static QString expiryText(const QDateTime& expires, const QDateTime& now);
    static QColor statusColor(DisplayStatus status); // from Palette.h
    static QString shortDate(const QDateTime& time); // the locale's short date and time, local time

private:
    // What a cell shows, and its tooltip; data() only picks one of these by role.
    QVariant displayValue(int row, int column) const;
    QVariant toolTip(int row, int column) const;
    void rowsChanged(); // forgets the id index

    CredentialRows m_rows;
    protocol::CredentialKind m_kind = protocol::CredentialKind::ApiKey;
    QDateTime m_fixedNow;
    QHash<QString, QString> m_people;
    QString m_me;
    // Row ids by hash, sorted: 12 bytes a row, built when rowOf() is first asked after a change. Selecting all of
    // 1M rows asks rowOf() for each of them.
    mutable std::vector<std::pair<size_t, int>> m_idIndex;
    mutable bool m_idIndexValid = false;
};

} // namespace td::app
