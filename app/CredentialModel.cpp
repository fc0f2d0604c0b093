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

CredentialModel::Row CredentialModel::makeRow(protocol::ApiKeyDto record)
{
    Row row;
    const QString name = record.name.toLower();
    const QString scopes = record.scopes.join(u',').toLower();
    const QString allowlist = record.ipAllowlist.join(u',');
    row.nameLength = int(name.size());
    row.scopesLength = int(scopes.size());
    row.allowlistLength = int(allowlist.size());
    // The sort keys of the text columns are the first lines: sorting takes views, never copies.
    row.search = name + u'\n' + scopes + u'\n' + allowlist + u'\n' + record.prefix.toLower() + u' ' +
                 record.last4.toLower() + u'\n' + record.description.toLower() + u'\n' + record.id.toLower();
    row.record = std::move(record);
    return row;
}

QStringView CredentialModel::sortText(int row, int column) const
{
    const Row& r = m_rows.at(size_t(row));
    const QStringView search(r.search);
    switch (column) {
    case Name:
        return search.first(r.nameLength);
    case Scopes:
        return search.sliced(r.nameLength + 1, r.scopesLength);
    case IpAllowlist:
        return search.sliced(r.nameLength + 1 + r.scopesLength + 1, r.allowlistLength);
    case Key:
        return r.record.prefix;
    default:
        return {};
    }
}

int CredentialModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CredentialModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

void CredentialModel::setNow(const QDateTime& now)
{
    m_fixedNow = now;
    if (!m_rows.empty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QDateTime CredentialModel::now() const
{
    return m_fixedNow.isValid() ? m_fixedNow : QDateTime::currentDateTimeUtc();
}

CredentialModel::DisplayStatus CredentialModel::displayStatus(int row) const
{
    const protocol::ApiKeyDto& r = record(row);
    if (r.status == protocol::KeyStatus::Revoked)
        return DisplayStatus::Revoked;
    const QDateTime current = now();
    if (r.status == protocol::KeyStatus::Expired || (r.expiresAt.isValid() && r.expiresAt <= current))
        return DisplayStatus::Expired;
    if (r.expiresAt.isValid() && current.secsTo(r.expiresAt) <= qint64(ExpiringSoonDays) * 24 * 3600)
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
    const protocol::ApiKeyDto& r = record(index.row());
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
    case SearchTextRole:
        return m_rows.at(size_t(index.row())).search;
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

void CredentialModel::setRecords(QList<protocol::ApiKeyDto> records)
{
    beginResetModel();
    m_rows.clear();
    m_rows.reserve(size_t(records.size()));
    for (protocol::ApiKeyDto& r : records)
        m_rows.push_back(makeRow(std::move(r)));
    endResetModel();
}

void CredentialModel::appendRecords(const QList<protocol::ApiKeyDto>& records)
{
    if (records.isEmpty())
        return;
    beginInsertRows({}, rowCount(), rowCount() + int(records.size()) - 1);
    for (const protocol::ApiKeyDto& r : records)
        m_rows.push_back(makeRow(r));
    endInsertRows();
}

int CredentialModel::rowOf(const QString& id) const
{
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].record.id == id)
            return int(i);
    }
    return -1;
}

void CredentialModel::upsert(const protocol::ApiKeyDto& record)
{
    const int row = rowOf(record.id);
    if (row < 0) {
        beginInsertRows({}, 0, 0);
        m_rows.insert(m_rows.begin(), makeRow(record));
        endInsertRows();
        return;
    }
    m_rows[size_t(row)] = makeRow(record);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void CredentialModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

} // namespace td::app
