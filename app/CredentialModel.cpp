#include "CredentialModel.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace td::app {

CredentialModel::CredentialModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

std::string_view CredentialModel::sortText(int row, int column) const
{
    switch (column) {
    case Name:
        return m_rows.sortText(row, CredentialRows::SortKey::Name);
    case Scopes:
        return m_rows.sortText(row, CredentialRows::SortKey::Scopes);
    case IpAllowlist:
        return m_rows.sortText(row, CredentialRows::SortKey::IpAllowlist);
    case Key:
        return m_rows.sortText(row, CredentialRows::SortKey::Prefix);
    default:
        return {};
    }
}

int CredentialModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : m_rows.size();
}

int CredentialModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void CredentialModel::setNow(const QDateTime& now)
{
    m_fixedNow = now;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QDateTime CredentialModel::now() const
{
    return m_fixedNow.isValid() ? m_fixedNow : QDateTime::currentDateTimeUtc();
}

CredentialModel::DisplayStatus CredentialModel::displayStatus(int row) const
{
    return displayStatus(row, now().toMSecsSinceEpoch());
}

CredentialModel::DisplayStatus CredentialModel::displayStatus(int row, qint64 nowMs) const
{
    const protocol::KeyStatus status = m_rows.status(row);
    if (status == protocol::KeyStatus::Revoked)
        return DisplayStatus::Revoked;
    const qint64 expiresAt = m_rows.expiresAtMs(row);
    const bool expires = expiresAt != CredentialRows::Never;
    if (status == protocol::KeyStatus::Expired || (expires && expiresAt <= nowMs))
        return DisplayStatus::Expired;
    if (expires && expiresAt - nowMs <= qint64(ExpiringSoonDays) * 24 * 3600 * 1000)
        return DisplayStatus::ExpiringSoon;
    return DisplayStatus::Active;
}

QString CredentialModel::statusText(DisplayStatus status)
{
    switch (status) {
    case DisplayStatus::Active:
        return tr("Active");
    case DisplayStatus::ExpiringSoon:
        return tr("Expiring soon");
    case DisplayStatus::Expired:
        return tr("Expired");
    case DisplayStatus::Revoked:
        return tr("Revoked");
    }
    return {};
}

QString CredentialModel::relativeTime(const QDateTime& when, const QDateTime& now)
{
    if (!when.isValid())
        return {};
    const qint64 secs = now.secsTo(when);
    const qint64 magnitude = qAbs(secs);
    QString amount;
    if (magnitude < 60)
        return secs >= 0 ? tr("in less than a minute") : tr("just now");
    if (magnitude < 3600)
        amount = tr("%n minute(s)", nullptr, int(magnitude / 60));
    else if (magnitude < 48 * 3600)
        amount = tr("%n hour(s)", nullptr, int(magnitude / 3600));
    else if (magnitude < 60LL * 24 * 3600)
        amount = tr("%n day(s)", nullptr, int(magnitude / 86400));
    else if (magnitude < 730LL * 24 * 3600)
        amount = tr("%n month(s)", nullptr, int(magnitude / (30LL * 86400)));
    else
        amount = tr("%n year(s)", nullptr, int(magnitude / (365LL * 86400)));
    return secs >= 0 ? tr("in %1").arg(amount) : tr("%1 ago").arg(amount);
}

QVariant CredentialModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole && role != Qt::ForegroundRole &&
        role != Qt::AccessibleTextRole && role < Qt::UserRole)
        return {}; // a view asks for many roles per cell: only these need the record
    const protocol::ApiKeyDto r = record(index.row());
    const QLocale locale;
    auto date = [&](const QDateTime& t) {
        return t.isValid() ? locale.toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return r.name;
        case Key:
            return QString(r.prefix + u"…"_s + r.last4);
        case Scopes:
            return r.scopes.join(u", "_s);
        case Created:
            return date(r.createdAt);
        case Expires:
            return r.expiresAt.isValid() ? tr("%1 (%2)").arg(date(r.expiresAt), relativeTime(r.expiresAt, now()))
                                         : tr("Never");
        case LastUsed:
            if (!r.lastUsedAt.isValid())
                return tr("Never used");
            return r.lastUsedIp.isEmpty() ? relativeTime(r.lastUsedAt, now())
                                          : tr("%1 from %2").arg(relativeTime(r.lastUsedAt, now()), r.lastUsedIp);
        case IpAllowlist:
            return r.ipAllowlist.isEmpty() ? tr("Any address") : r.ipAllowlist.join(u", "_s);
        case Status:
            return statusText(displayStatus(index.row()));
        }
        break;
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Name:
            return r.description.isEmpty() ? r.name : r.name + u"\n"_s + r.description;
        case Expires:
            return date(r.expiresAt);
        case LastUsed:
            return date(r.lastUsedAt);
        case Created:
            return r.createdBy.isEmpty() ? date(r.createdAt) : tr("%1 by %2").arg(date(r.createdAt), r.createdBy);
        default:
            return data(index, Qt::DisplayRole);
        }
    case Qt::ForegroundRole:
        if (index.column() == Status) {
            switch (displayStatus(index.row())) {
            case DisplayStatus::Active:
                return QBrush(QColor(0x1b, 0x7f, 0x3b));
            case DisplayStatus::ExpiringSoon:
                return QBrush(QColor(0xb2, 0x6a, 0x00));
            case DisplayStatus::Expired:
                return QBrush(QColor(0x9a, 0x1c, 0x1c));
            case DisplayStatus::Revoked:
                return QBrush(QColor(0x60, 0x60, 0x60));
            }
        }
        break;
    case Qt::AccessibleTextRole:
        return data(index, Qt::DisplayRole);
    case UnderlyingDataRole:
        switch (index.column()) {
        case Name:
            return r.name.toLower();
        case Key:
            return r.prefix;
        case Scopes:
            return r.scopes.join(u',');
        case Created:
            return r.createdAt.toMSecsSinceEpoch();
        case Expires:
            // Never expiring sorts after every date.
            return r.expiresAt.isValid() ? r.expiresAt.toMSecsSinceEpoch() : std::numeric_limits<qint64>::max();
        case LastUsed:
            return r.lastUsedAt.isValid() ? r.lastUsedAt.toMSecsSinceEpoch() : qint64(0);
        case IpAllowlist:
            return r.ipAllowlist.join(u',');
        case Status:
            return int(displayStatus(index.row()));
        }
        break;
    case IdRole:
        return r.id;
    case StatusRole:
        return int(displayStatus(index.row()));
    case SearchTextRole: {
        const std::string_view search = m_rows.searchText(index.row());
        return QString::fromUtf8(search.data(), qsizetype(search.size()));
    }
    case ExpiresAtRole:
        return r.expiresAt;
    default:
        break;
    }
    return {};
}

QVariant CredentialModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Key:
        return tr("Key");
    case Scopes:
        return tr("Scopes");
    case Created:
        return tr("Created");
    case Expires:
        return tr("Expires");
    case LastUsed:
        return tr("Last used");
    case IpAllowlist:
        return tr("IP allowlist");
    case Status:
        return tr("Status");
    }
    return {};
}

namespace {

CredentialRows rowsOf(const QList<protocol::ApiKeyDto>& records)
{
    CredentialRows rows;
    for (const protocol::ApiKeyDto& r : records)
        rows.append(r);
    return rows;
}

} // namespace

void CredentialModel::setRecords(const QList<protocol::ApiKeyDto>& records)
{
    setRows(rowsOf(records));
}

void CredentialModel::setRows(CredentialRows rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void CredentialModel::appendRecords(const QList<protocol::ApiKeyDto>& records)
{
    appendRows(rowsOf(records));
}

void CredentialModel::appendRows(CredentialRows rows)
{
    if (rows.isEmpty())
        return;
    beginInsertRows({}, rowCount(), rowCount() + rows.size() - 1);
    m_rows.append(std::move(rows));
    endInsertRows();
}

int CredentialModel::rowOf(const QString& id) const
{
    for (int row = 0; row < m_rows.size(); ++row) {
        if (m_rows.idEquals(row, id))
            return row;
    }
    return -1;
}

void CredentialModel::upsert(const protocol::ApiKeyDto& record)
{
    const int row = rowOf(record.id);
    if (row < 0) {
        beginInsertRows({}, 0, 0);
        m_rows.prepend(record);
        endInsertRows();
        return;
    }
    m_rows.replace(row, record);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void CredentialModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

} // namespace td::app
