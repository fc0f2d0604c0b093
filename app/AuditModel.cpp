#include "AuditModel.h"

#include "Palette.h"

#include <QColor>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace td::app {

AuditModel::AuditModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

int AuditModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_events.size());
}

int AuditModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditModel::actionText(const QString& action)
{
    static const QHash<QString, const char*> known = {
        {u"login"_s, QT_TR_NOOP("Logged in")},
        {u"login.failed"_s, QT_TR_NOOP("Failed login")},
        {u"login.rate_limited"_s, QT_TR_NOOP("Login rate limit hit")},
        {u"refresh"_s, QT_TR_NOOP("Session renewed")},
        {u"refresh.reuse"_s, QT_TR_NOOP("Refresh token reused: session ended")},
        {u"logout"_s, QT_TR_NOOP("Logged out")},
        {u"auth.refused"_s, QT_TR_NOOP("Credential refused")},
        {u"token.introspect"_s, QT_TR_NOOP("Token inspected")},
    };
    if (const auto it = known.constFind(action); it != known.cend())
        return tr(*it);
    // "<kind>.<verb>" such as apiKey.create
    const QString verb = action.section(u'.', 1);
    if (verb == u"create"_s)
        return tr("Created");
    if (verb == u"update"_s)
        return tr("Changed");
    if (verb == u"rotate"_s)
        return tr("Rotated");
    if (verb == u"revoke"_s)
        return tr("Revoked");
    return action;
}

QVariant AuditModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const AuditEvent& e = m_events.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case At:
            return QLocale().toString(e.at.toLocalTime(), QLocale::ShortFormat);
        case Actor: // "admin@acme.example", "CI deploy (tdk_Ab12…wxyz)"
            return e.actorName.isEmpty() ? e.actor : e.actorName;
        case Action:
            return actionText(e.action);
        case Target:
            if (!e.targetName.isEmpty())
                return e.targetName;
            return e.targetId.isEmpty() ? QString() : e.targetKind + u' ' + e.targetId;
        case Address:
            return e.ip;
        case Detail:
            return e.detail;
        }
    }
    if (role == Qt::ToolTipRole) { // the raw values behind the names
        switch (index.column()) {
        case Actor:
            return e.actor;
        case Target:
            return e.targetId.isEmpty() ? QString() : e.targetKind + u' ' + e.targetId;
        default:
            return e.action;
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Action &&
        (e.action.endsWith(u".failed"_s) || e.action == u"auth.refused"_s || e.action.endsWith(u".reuse"_s) ||
         e.action.endsWith(u".rate_limited"_s)))
        return palette::bad();
    if (role == Qt::UserRole)
        return e.id;
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case At:
        return tr("Time");
    case Actor:
        return tr("Actor");
    case Action:
        return tr("Action");
    case Target:
        return tr("Target");
    case Address:
        return tr("Address");
    case Detail:
        return tr("Detail");
    }
    return {};
}

void AuditModel::setEvents(const QList<AuditEvent>& events)
{
    beginResetModel();
    m_events = events;
    endResetModel();
}

void AuditModel::appendEvents(const QList<AuditEvent>& events)
{
    if (events.isEmpty())
        return;
    beginInsertRows({}, rowCount(), rowCount() + int(events.size()) - 1);
    m_events += events;
    endInsertRows();
}

} // namespace td::app
