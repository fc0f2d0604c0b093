#include "CredentialFilterModel.h"

#include <algorithm>
#include <limits>
#include <thread>

namespace td::app {

CredentialFilterModel::CredentialFilterModel(QObject* parent)
    : QAbstractProxyModel(parent)
{}

void CredentialFilterModel::setSourceModel(QAbstractItemModel* source)
{
    beginResetModel();
    if (m_source)
        disconnect(m_source, nullptr, this, nullptr);
    m_source = qobject_cast<CredentialModel*>(source);
    Q_ASSERT_X(m_source || !source, "CredentialFilterModel", "the source must be a CredentialModel");
    QAbstractProxyModel::setSourceModel(m_source);
    if (m_source) {
        // Structural changes of the source rebuild the map in one pass.
        connect(m_source, &QAbstractItemModel::modelAboutToBeReset, this, &CredentialFilterModel::beginResetModel);
        connect(m_source, &QAbstractItemModel::modelReset, this, [this] {
            computeOrder();
            filterRows();
            endResetModel();
        });
        connect(m_source, &QAbstractItemModel::rowsInserted, this, &CredentialFilterModel::rebuild);
        connect(m_source, &QAbstractItemModel::rowsRemoved, this, &CredentialFilterModel::rebuild);
        connect(m_source, &QAbstractItemModel::rowsMoved, this, &CredentialFilterModel::rebuild);
        connect(m_source, &QAbstractItemModel::dataChanged, this, &CredentialFilterModel::onSourceDataChanged);
        connect(m_source, &QAbstractItemModel::layoutChanged, this, &CredentialFilterModel::rebuild);
    }
    computeOrder();
    filterRows();
    endResetModel();
}

void CredentialFilterModel::setFilterText(const QString& text)
{
    const QString normalized = text.trimmed().toLower();
    if (normalized == m_text)
        return;
    // A narrowing search (the new text holds the old one, as when typing on) can only lose rows: it tests the
    // previous matches, already in order, instead of every row.
    const bool narrowing = !m_text.isEmpty() && normalized.contains(m_text);
    m_text = normalized;
    m_needle = normalized.toUtf8();
    m_needleMask = CredentialRows::needleMask(std::string_view(m_needle.constData(), size_t(m_needle.size())));
    if (narrowing) {
        beginResetModel();
        narrowRows();
        endResetModel();
        return;
    }
    refilter();
}

void CredentialFilterModel::narrowRows()
{
    // Only the previous matches are tested, in storage order (sequential memory, not the sort order's jumps);
    // then they are collected in sort order.
    const int count = m_source->rowCount();
    std::vector<char> accepted(size_t(count), 0);
    for (int row : m_rows)
        accepted[size_t(row)] = 1;
    m_nowMs = m_source->now().toMSecsSinceEpoch();
    testRows(accepted, true);
    std::vector<int> kept;
    kept.reserve(m_rows.size());
    for (int row : m_rows) {
        if (accepted[size_t(row)])
            kept.push_back(row);
    }
    m_rows = std::move(kept);
    m_reverseStale = true; // built when first asked for (a keystroke need not pay for it)
}

const std::vector<int>& CredentialFilterModel::reverseMap() const
{
    if (m_reverseStale) {
        m_sourceToProxy.assign(size_t(m_source ? m_source->rowCount() : 0), -1);
        for (size_t i = 0; i < m_rows.size(); ++i)
            m_sourceToProxy[size_t(m_rows[i])] = int(i);
        m_reverseStale = false;
    }
    return m_sourceToProxy;
}

void CredentialFilterModel::testRows(std::vector<char>& accepted, bool onlyMarked) const
{
    // Large tables are tested on every core: each thread fills its own slice of accepted.
    const int count = int(accepted.size());
    const auto slice = [&](int from, int to) {
        for (int row = from; row < to; ++row) {
            if (onlyMarked && !accepted[size_t(row)])
                continue;
            accepted[size_t(row)] = accepts(row) ? 1 : 0;
        }
    };
    const int threads = count >= 100000 ? std::clamp(int(std::thread::hardware_concurrency()), 1, 8) : 1;
    if (threads == 1) {
        slice(0, count);
        return;
    }
    std::vector<std::thread> workers;
    const int step = (count + threads - 1) / threads;
    for (int t = 1; t < threads; ++t)
        workers.emplace_back(slice, std::min(count, t * step), std::min(count, (t + 1) * step));
    slice(0, std::min(count, step));
    for (std::thread& worker : workers)
        worker.join();
}

void CredentialFilterModel::setStatusFilter(std::optional<CredentialModel::DisplayStatus> status)
{
    if (status == m_status)
        return;
    m_status = status;
    refilter();
}

void CredentialFilterModel::setOwnerFilter(const QString& createdBy)
{
    if (createdBy == m_owner)
        return;
    m_owner = createdBy;
    refilter();
}

void CredentialFilterModel::sort(int column, Qt::SortOrder order)
{
    m_sortColumn = column;
    m_sortOrder = order;
    emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
    const QModelIndexList before = persistentIndexList();
    QList<QModelIndex> sources;
    sources.reserve(before.size());
    for (const QModelIndex& i : before)
        sources.append(mapToSource(i));
    computeOrder();
    filterRows();
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex& s : std::as_const(sources))
        after.append(mapFromSource(s));
    changePersistentIndexList(before, after);
    emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
}

void CredentialFilterModel::rebuild()
{
    beginResetModel();
    computeOrder();
    filterRows();
    endResetModel();
}

void CredentialFilterModel::refilter()
{
    beginResetModel();
    filterRows();
    endResetModel();
}

// Walks the kept order: a keystroke costs one linear pass and no sort, whatever the sort column.
void CredentialFilterModel::filterRows()
{
    m_rows.clear();
    m_rows.reserve(m_order.size());
    if (m_text.isEmpty() && !m_status && m_owner.isEmpty()) {
        m_rows = m_order;
    } else {
        // Test the rows in storage order (sequential memory), then collect them in sort order from a bitmap
        // small enough to stay in cache: a sorted table filters as fast as an unsorted one.
        const int count = m_source->rowCount();
        std::vector<char> accepted(size_t(count), 0);
        m_nowMs = m_source->now().toMSecsSinceEpoch();
        testRows(accepted, false);
        for (int row : m_order) {
            if (accepted[size_t(row)])
                m_rows.push_back(row);
        }
    }
    m_reverseStale = true;
}

bool CredentialFilterModel::accepts(int sourceRow) const
{
    if (m_status && m_source->displayStatus(sourceRow, m_nowMs) != *m_status)
        return false;
    if (!m_owner.isEmpty() && m_source->rows().createdBy(sourceRow) != m_owner)
        return false;
    return m_needle.isEmpty() ||
           m_source->rows().matches(sourceRow, std::string_view(m_needle.constData(), size_t(m_needle.size())),
                                    m_needleMask);
}

bool CredentialFilterModel::isNumericSort() const
{
    return m_sortColumn == CredentialModel::Created || m_sortColumn == CredentialModel::Expires ||
           m_sortColumn == CredentialModel::LastUsed || m_sortColumn == CredentialModel::Status;
}

qint64 CredentialFilterModel::numericKey(int sourceRow) const
{
    const CredentialRows& rows = m_source->rows();
    switch (m_sortColumn) {
    case CredentialModel::Created:
        return rows.createdAtMs(sourceRow);
    case CredentialModel::Expires:
        // Never expiring sorts after every date.
        return rows.expiresAtMs(sourceRow) == CredentialRows::Never ? std::numeric_limits<qint64>::max()
                                                                    : rows.expiresAtMs(sourceRow);
    case CredentialModel::LastUsed: {
        const qint64 at = rows.lastUsedAtMs(sourceRow);
        return at == CredentialRows::Never ? 0 : at;
    }
    case CredentialModel::Status:
        return int(m_source->displayStatus(sourceRow, m_nowMs));
    default:
        return 0;
    }
}

bool CredentialFilterModel::lessThan(int leftSourceRow, int rightSourceRow) const
{
    if (isNumericSort())
        return numericKey(leftSourceRow) < numericKey(rightSourceRow);
    return m_source->sortText(leftSourceRow, m_sortColumn) < m_source->sortText(rightSourceRow, m_sortColumn);
}

// Whether a row still sits between its neighbours in the current order.
bool CredentialFilterModel::inOrder(int proxyRow) const
{
    if (m_sortColumn < 0)
        return true;
    const int row = m_rows[size_t(proxyRow)];
    const auto before = [this](int a, int b) {
        return m_sortOrder == Qt::AscendingOrder ? lessThan(a, b) : lessThan(b, a);
    };
    if (proxyRow > 0 && before(row, m_rows[size_t(proxyRow) - 1]))
        return false;
    return size_t(proxyRow) + 1 >= m_rows.size() || !before(m_rows[size_t(proxyRow) + 1], row);
}

void CredentialFilterModel::computeOrder()
{
    const int count = m_source ? m_source->rowCount() : 0;
    m_order.resize(size_t(count));
    for (int row = 0; row < count; ++row)
        m_order[size_t(row)] = row;
    if (!m_source || m_sortColumn < 0)
        return; // unsorted (-1) is the source's order, as in QSortFilterProxyModel
    // Keys are computed once per row, not once per comparison; text keys are views, not copies.
    m_nowMs = m_source->now().toMSecsSinceEpoch();
    if (isNumericSort()) {
        std::vector<std::pair<qint64, int>> keyed;
        keyed.reserve(m_order.size());
        for (int row : m_order)
            keyed.emplace_back(numericKey(row), row);
        std::sort(keyed.begin(), keyed.end()); // by key, then by row: the order of a stable sort
        for (size_t i = 0; i < keyed.size(); ++i)
            m_order[i] = keyed[i].second;
    } else {
        // The first 16 bytes of each key, big-endian in two integers, decide most comparisons without following the
        // view into the row's block (a cache miss each).
        struct Keyed // 32 bytes: the temporary array of 1M rows stays at 32 MB
        {
            quint64 head[2];
            const char* data;
            quint32 size;
            int row;
            std::string_view key() const { return {data, size}; }
        };
        std::vector<Keyed> keyed;
        keyed.reserve(m_order.size());
        for (int row : m_order) {
            const std::string_view key = m_source->sortText(row, m_sortColumn);
            Keyed k{{0, 0}, key.data(), quint32(key.size()), row};
            for (size_t i = 0; i < 16; ++i)
                k.head[i / 8] = (k.head[i / 8] << 8) | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0u);
            keyed.push_back(k);
        }
        // std::sort with the row as the last key orders like a stable sort, without stable_sort's buffer of n/2.
        std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) {
            if (a.head[0] != b.head[0])
                return a.head[0] < b.head[0];
            if (a.head[1] != b.head[1])
                return a.head[1] < b.head[1];
            // Equal first 16 bytes (a shorter key is padded with zero bytes, so compare whole keys then).
            const int order =
                a.size > 16 && b.size > 16 ? a.key().substr(16).compare(b.key().substr(16)) : a.key().compare(b.key());
            return order != 0 ? order < 0 : a.row < b.row;
        });
        for (size_t i = 0; i < keyed.size(); ++i)
            m_order[i] = keyed[i].row;
    }
    if (m_sortOrder == Qt::DescendingOrder)
        std::reverse(m_order.begin(), m_order.end());
}

void CredentialFilterModel::onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight,
                                                const QList<int>& roles)
{
    // A changed record (revoked, renamed, or just older: setNow) may now fail or pass the filter, or belong
    // elsewhere in the order.
    m_nowMs = m_source->now().toMSecsSinceEpoch();
    bool reorder = false;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const int proxyRow = reverseMap().at(size_t(row));
        if ((proxyRow >= 0) != accepts(row)) {
            rebuild();
            return;
        }
        reorder = reorder || (proxyRow >= 0 && !inOrder(proxyRow));
    }
    if (reorder)
        sort(m_sortColumn, m_sortOrder); // a layout change keeps selections and persistent indexes
    // One signal over the proxy rows the change reached (a bulk revoke changes thousands at once: one signal per
    // row made everything that listens run thousands of times).
    int first = -1;
    int last = -1;
    for (int row = topLeft.row(); row <= bottomRight.row(); ++row) {
        const int proxyRow = reverseMap().at(size_t(row));
        if (proxyRow < 0)
            continue;
        first = first < 0 ? proxyRow : std::min(first, proxyRow);
        last = std::max(last, proxyRow);
    }
    if (first >= 0)
        emit dataChanged(index(first, topLeft.column()), index(last, bottomRight.column()), roles);
}

QModelIndex CredentialFilterModel::mapToSource(const QModelIndex& proxyIndex) const
{
    if (!m_source || !proxyIndex.isValid() || proxyIndex.row() >= int(m_rows.size()))
        return {};
    return m_source->index(m_rows[size_t(proxyIndex.row())], proxyIndex.column());
}

QModelIndex CredentialFilterModel::mapFromSource(const QModelIndex& sourceIndex) const
{
    if (!m_source || !sourceIndex.isValid())
        return {};
    const std::vector<int>& reverse = reverseMap();
    if (sourceIndex.row() >= int(reverse.size()))
        return {};
    const int row = reverse[size_t(sourceIndex.row())];
    return row < 0 ? QModelIndex() : createIndex(row, sourceIndex.column());
}

QModelIndex CredentialFilterModel::index(int row, int column, const QModelIndex& parent) const
{
    if (parent.isValid() || row < 0 || column < 0 || row >= int(m_rows.size()) || column >= columnCount())
        return {};
    return createIndex(row, column);
}

QModelIndex CredentialFilterModel::parent(const QModelIndex&) const
{
    return {};
}

int CredentialFilterModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CredentialFilterModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() || !m_source ? 0 : m_source->columnCount();
}

bool CredentialFilterModel::hasChildren(const QModelIndex& parent) const
{
    return !parent.isValid() && !m_rows.empty();
}

} // namespace td::app
