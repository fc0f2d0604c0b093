#include "CredentialModel.h"

#include "CredentialKind.h"
#include "Palette.h"

#include <QBrush>
#include <QColor>
#include <QCoreApplication>
#include <QLocale>

#include <algorithm>
#include <functional>

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
    if (status == protocol::KeyStatus::Suspended)
        return DisplayStatus::Suspended;
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
    case DisplayStatus::Suspended:
        return tr("Suspended");
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

QString CredentialModel::expiryText(const QDateTime& expires, const QDateTime& now)
{
    return tr("%1 (%2)").arg(QLocale().toString(expires.toLocalTime().date(), QLocale::ShortFormat),
                             relativeTime(expires, now));
}

QVariant CredentialModel::displayValue(int row, int column) const
{
    const protocol::ApiKeyDto r = record(row);
    switch (column) {
    case Name:
        return r.name;
    case Key:
        return QString(r.prefix + u"…"_s + r.last4);
    case Scopes:
        return r.scopes.join(u", "_s);
    case Created:
        return shortDate(r.createdAt);
    case Expires: // the day and how far off it is; the time of day is in the tooltip and the details
        return r.expiresAt.isValid() ? expiryText(r.expiresAt, now()) : tr("Never");
    case LastUsed:
        if (!r.lastUsedAt.isValid())
            return tr("Never used");
        return r.lastUsedIp.isEmpty() ? relativeTime(r.lastUsedAt, now())
                                      : tr("%1 from %2").arg(relativeTime(r.lastUsedAt, now()), r.lastUsedIp);
    case IpAllowlist:
        return r.ipAllowlist.isEmpty() ? tr("Any address") : r.ipAllowlist.join(u", "_s);
    case Status:
        return statusText(displayStatus(row));
    case Owner:
        return ownerText(r.createdBy);
    }
    return {};
}

void CredentialModel::setPeople(const QHash<QString, QString>& names, const QString& me)
{
    m_people = names;
    m_me = me;
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, Owner), index(rowCount() - 1, Owner));
}

QString CredentialModel::ownerText(const QString& createdBy) const
{
    // "user:<id>" for a person; a credential made by another ("apiKey:<id>") has no person behind it.
    if (!createdBy.startsWith(u"user:"_s))
        return createdBy.isEmpty() ? QString() : tr("No person (%1)").arg(createdBy);
    const QString id = createdBy.mid(5);
    if (!m_me.isEmpty() && id == m_me)
        return tr("You");
    return m_people.value(id, id);
}

QVariant CredentialModel::toolTip(int row, int column) const
{
    switch (column) {
    case Name: {
        const protocol::ApiKeyDto r = record(row);
        return r.description.isEmpty() ? r.name : r.name + u"\n"_s + r.description;
    }
    case Expires:
        return record(row).expiresAt.isValid()
                   ? QLocale().toString(record(row).expiresAt.toLocalTime(), QLocale::LongFormat)
                   : QVariant(tr("Never"));
    case LastUsed:
        return shortDate(record(row).lastUsedAt);
    case Created: {
        const protocol::ApiKeyDto r = record(row);
        return r.createdBy.isEmpty() ? shortDate(r.createdAt) : tr("%1 by %2").arg(shortDate(r.createdAt), r.createdBy);
    }
    default:
        return displayValue(row, column);
    }
}

QColor CredentialModel::statusColor(DisplayStatus status)
{
    switch (status) {
    case DisplayStatus::Active:
        return palette::good();
    case DisplayStatus::ExpiringSoon:
        return palette::warning();
    case DisplayStatus::Expired:
        return palette::bad();
    case DisplayStatus::Revoked:
    case DisplayStatus::Suspended:
        return palette::inactive();
    }
    return {};
}

QVariant CredentialModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    // A view asks for many roles per cell: only these are answered.
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        return displayValue(index.row(), index.column());
    case Qt::ToolTipRole:
        return toolTip(index.row(), index.column());
    case Qt::ForegroundRole:
        if (index.column() == Status)
            return QBrush(statusColor(displayStatus(index.row())));
        return {};
    case IdRole:
        return QString::fromUtf8(m_rows.idBytes(index.row()).data(), qsizetype(m_rows.idBytes(index.row()).size()));
    case StatusRole:
        return int(displayStatus(index.row()));
    default:
        return {};
    }
}

QString CredentialModel::shortDate(const QDateTime& time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : QString();
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
    case Scopes: // UATs carry permissions
        return kindInfo(m_kind).rightsField == u"permissions"_s ? tr("Permissions") : tr("Scopes");
    case Created:
        return tr("Created");
    case Expires:
        return tr("Expires");
    case LastUsed:
        return tr("Last used");
    case IpAllowlist:
        return tr("IP allowlist");
    case Owner:
        return tr("Owner");
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
    rowsChanged();
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
    rowsChanged();
    endInsertRows();
}

int CredentialModel::rowOf(const QString& id) const
{
    const std::hash<std::string_view> hash;
    if (!m_idIndexValid) {
        m_idIndex.clear();
        m_idIndex.reserve(size_t(m_rows.size()));
        for (int row = 0; row < m_rows.size(); ++row)
            m_idIndex.emplace_back(hash(m_rows.idBytes(row)), row);
        std::sort(m_idIndex.begin(), m_idIndex.end());
        m_idIndexValid = true;
    }
    const QByteArray utf8 = id.toUtf8();
    const size_t key = hash(std::string_view(utf8.constData(), size_t(utf8.size())));
    auto it = std::lower_bound(m_idIndex.begin(), m_idIndex.end(), std::pair<size_t, int>(key, -1));
    for (; it != m_idIndex.end() && it->first == key; ++it) {
        if (m_rows.idEquals(it->second, id)) // a hash may be shared
            return it->second;
    }
    return -1;
}

void CredentialModel::rowsChanged()
{
    m_idIndexValid = false;
    m_idIndex.clear();
    m_idIndex.shrink_to_fit();
}

void CredentialModel::upsert(const protocol::ApiKeyDto& record)
{
    const int row = rowOf(record.id);
    if (row < 0) {
        beginInsertRows({}, 0, 0);
        m_rows.prepend(record);
        rowsChanged(); // every row moved down by one
        endInsertRows();
        return;
    }
    m_rows.replace(row, record);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void CredentialModel::upsert(const QList<protocol::ApiKeyDto>& records)
{
    QList<protocol::ApiKeyDto> fresh;
    int first = -1;
    int last = -1;
    for (const protocol::ApiKeyDto& record : records) {
        const int row = rowOf(record.id);
        if (row < 0) {
            fresh.append(record);
            continue;
        }
        m_rows.replace(row, record);
        first = first < 0 ? row : qMin(first, row);
        last = qMax(last, row);
    }
    if (!fresh.isEmpty()) {
        beginInsertRows({}, 0, int(fresh.size()) - 1);
        for (auto it = fresh.crbegin(); it != fresh.crend(); ++it)
            m_rows.prepend(*it); // in the order given, at the top
        rowsChanged();
        endInsertRows();
    }
    if (first >= 0) {
        const int shift = int(fresh.size());
        emit dataChanged(index(first + shift, 0), index(last + shift, ColumnCount - 1));
    }
}

void CredentialModel::clear()
{
    beginResetModel();
    m_rows.clear();
    rowsChanged();
    endResetModel();
}

} // namespace td::app
