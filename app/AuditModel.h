#pragma once

#include "Jobs.h"

#include <QAbstractTableModel>

namespace td::app {

// Audit events, newest first; pages are appended as they are loaded.
class AuditModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { At, Actor, Action, Target, Address, Detail, ColumnCount };
    Q_ENUM(Column)

    explicit AuditModel(QObject* parent = nullptr);
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setEvents(const QList<AuditEvent>& events);
    void appendEvents(const QList<AuditEvent>& events);
    const AuditEvent& event(int row) const { return m_events.at(row); }
    static QString actionText(const QString& action);

private:
    QList<AuditEvent> m_events;
};

} // namespace td::app
