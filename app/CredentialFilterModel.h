#pragma once

#include "CredentialModel.h"

#include <QAbstractProxyModel>
#include <QString>

#include <optional>
#include <vector>

namespace td::app {

// Text and status filter plus sorting over a CredentialModel. QSortFilterProxyModel goes quadratic when
// matches are scattered over many rows (35 s per keystroke at 1M rows); this proxy rebuilds its row map in
// one linear pass and resets, which stays near 0.1 s at 1M rows.
class CredentialFilterModel final : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit CredentialFilterModel(QObject* parent = nullptr);

    void setSourceModel(QAbstractItemModel* source) override;
    CredentialModel* credentialModel() const { return m_source; }

    void setFilterText(const QString& text);
    QString filterText() const { return m_text; }
    // nullopt: every status.
    void setStatusFilter(std::optional<CredentialModel::DisplayStatus> status);
    std::optional<CredentialModel::DisplayStatus> statusFilter() const { return m_status; }
    // Only the credentials this creator made ("user:<id>"); empty: everyone's.
    void setOwnerFilter(const QString& createdBy);
    QString ownerFilter() const { return m_owner; }

    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;
    int sortColumn() const { return m_sortColumn; }
    Qt::SortOrder sortOrder() const { return m_sortOrder; }

    QModelIndex mapToSource(const QModelIndex& proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex& sourceIndex) const override;
    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    bool hasChildren(const QModelIndex& parent = {}) const override;

private:
    void rebuild();  // order and filter again (source changed)
    void refilter(); // filter again along the kept order (filter changed)
    void computeOrder();
    void filterRows();
    void narrowRows(); // filter the current rows only (a narrowing search)
    // accepted[row] = whether the filter accepts the source row (onlyMarked: only rows marked 1 are tested; the
    // others stay 0).
    void testRows(std::vector<char>& accepted, bool onlyMarked) const;
    // m_sourceToProxy, rebuilt on first use after the rows changed.
    const std::vector<int>& reverseMap() const;
    bool accepts(int sourceRow) const;
    bool isNumericSort() const;
    qint64 numericKey(int sourceRow) const;
    bool lessThan(int leftSourceRow, int rightSourceRow) const;
    bool inOrder(int proxyRow) const;
    void onSourceDataChanged(const QModelIndex& topLeft, const QModelIndex& bottomRight, const QList<int>& roles);

    CredentialModel* m_source = nullptr;
    QString m_text;
    QByteArray m_needle; // m_text as UTF-8
    quint64 m_needleMask = 0;
    qint64 m_nowMs = 0; // "now" of the current pass, for the status of each row
    std::optional<CredentialModel::DisplayStatus> m_status;
    QString m_owner;
    int m_sortColumn = -1;
    Qt::SortOrder m_sortOrder = Qt::AscendingOrder;
    std::vector<int> m_order;                 // every source row in the current sort order
    std::vector<int> m_rows;                  // proxy row -> source row
    mutable std::vector<int> m_sourceToProxy; // source row -> proxy row or -1; see reverseMap()
    mutable bool m_reverseStale = true;
};

} // namespace td::app
