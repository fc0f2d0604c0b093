#include "ExpiryModel.h"

#include "Palette.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

using namespace Qt::StringLiterals;

namespace td::app {

ExpiryModel::ExpiryModel(QObject* parent)
    : QAbstractTableModel(parent)
{}

void ExpiryModel::addSource(CredentialKind kind, CredentialModel* model)
{
    m_sources.append({kind, model});
    connect(model, &QAbstractItemModel::modelReset, this, &ExpiryModel::rebuild);
    connect(model, &QAbstractItemModel::layoutChanged, this, &ExpiryModel::rebuild);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ExpiryModel::rebuild);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ExpiryModel::rebuild);
    connect(model, &QAbstractItemModel::dataChanged, this, &ExpiryModel::rebuild);
    rebuild();
}

void ExpiryModel::setHorizonDays(int days)
{
    m_horizonDays = days;
    rebuild();
}

void ExpiryModel::rebuild()
{
    beginResetModel();
    m_rows.clear();
    m_counts.clear();
    for (const Source& source : std::as_const(m_sources)) {
        if (!source.model)
            continue;
        const qint64 nowMs = source.model->now().toMSecsSinceEpoch();
        const qint64 horizonMs = source.model->now().addDays(m_horizonDays).toMSecsSinceEpoch();
        const CredentialRows& rows = source.model->rows();
        for (int row = 0; row < rows.size(); ++row) {
            const auto status = source.model->displayStatus(row, nowMs);
            ++m_counts[int(source.kind) * 16 + int(status)];
            const qint64 expiresAt = rows.expiresAtMs(row);
            // Everything counted as expiring or expired is listed, rotated ones in their grace period too: the
            // counts and the list agree.
            if (status != CredentialModel::DisplayStatus::Revoked && expiresAt != CredentialRows::Never &&
                expiresAt <= horizonMs)
                m_rows.append({source.kind, source.model->record(row), status});
        }
    }
    // What is about to expire first, soonest first; what has expired after it, as a group of its own, the most
    // recent first: an old expired key must not push the urgent ones down.
    std::stable_sort(m_rows.begin(), m_rows.end(), [](const Row& a, const Row& b) {
        const bool aExpired = a.status == CredentialModel::DisplayStatus::Expired;
        const bool bExpired = b.status == CredentialModel::DisplayStatus::Expired;
        if (aExpired != bExpired)
            return !aExpired;
        return aExpired ? a.record.expiresAt > b.record.expiresAt : a.record.expiresAt < b.record.expiresAt;
    });
    endResetModel();
    emit countsChanged();
}

int ExpiryModel::count(CredentialKind kind, CredentialModel::DisplayStatus status) const
{
    return m_counts.value(int(kind) * 16 + int(status));
}

int ExpiryModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ExpiryModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ExpiryModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Row& r = m_rows.at(index.row());
    if (role == Qt::DisplayRole || role == Qt::AccessibleTextRole) {
        switch (index.column()) {
        case Expires:
            return tr("%1 (%2)").arg(
                QLocale().toString(r.record.expiresAt.toLocalTime(), QLocale::ShortFormat),
                CredentialModel::relativeTime(r.record.expiresAt, QDateTime::currentDateTimeUtc()));
        case Kind:
            return kindName(r.kind); // standing alone: "User authorization token"
        case Name:
            return r.record.name;
        case Key:
            return QString(r.record.prefix + u"…"_s + r.record.last4);
        case Status:
            return CredentialModel::statusText(r.status);
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Status)
        // Everything listed here expires within the horizon: expired in red, the rest as a warning.
        return QBrush(r.status == CredentialModel::DisplayStatus::Expired ? palette::bad() : palette::warning());
    if (role == IdRole)
        return r.record.id;
    if (role == KindRole)
        return int(r.kind);
    return {};
}

QDateTime ExpiryModel::now() const
{
    for (const Source& source : m_sources) {
        if (source.model)
            return source.model->now();
    }
    return QDateTime::currentDateTimeUtc();
}

QList<int> ExpiryModel::expiringPerWeek() const
{
    constexpr qint64 WeekMs = 7LL * 24 * 3600 * 1000;
    const qint64 nowMs = now().toMSecsSinceEpoch();
    QList<int> weeks(qMax(1, (m_horizonDays + 6) / 7), 0);
    for (const Row& r : m_rows) {
        const qint64 ahead = r.record.expiresAt.toMSecsSinceEpoch() - nowMs;
        if (r.status == CredentialModel::DisplayStatus::Expired || ahead < 0)
            continue;
        const qint64 week = ahead / WeekMs;
        if (week < weeks.size())
            ++weeks[week];
    }
    return weeks;
}

QVariant ExpiryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Expires:
        return tr("Expires");
    case Kind:
        return tr("Kind");
    case Name:
        return tr("Name");
    case Key:
        return tr("Key");
    case Status:
        return tr("Status");
    }
    return {};
}

} // namespace td::app
