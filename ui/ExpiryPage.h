#pragma once

#include "app/CredentialKind.h"

#include <QWidget>

class QComboBox;
class QGridLayout;
class QTableView;

namespace td::app {
class ExpiryModel;
}

namespace td::ui {

class Banner;
class ExpiryTimeline;

// Expiry overview: counts per kind and status, and every credential that expires within the chosen horizon.
class ExpiryPage final : public QWidget
{
    Q_OBJECT
public:
    ExpiryPage(app::ExpiryModel* model, QWidget* parent = nullptr);
    // Where the overview says that a kind could not be loaded (it is then incomplete), with Retry.
    Banner* banner() const { return m_banner; }
    ExpiryTimeline* timeline() const { return m_timeline; }

signals:
    void openRequested(td::app::CredentialKind kind, const QString& id);

private:
    void updateCounts();

    app::ExpiryModel* m_model;
    QGridLayout* m_counts;
    QComboBox* m_horizon;
    QTableView* m_view;
    Banner* m_banner;
    ExpiryTimeline* m_timeline;
};

} // namespace td::ui
