#include "ExpiryPage.h"

#include "Banner.h"
#include "Delegates.h"
#include "ExpiryTimeline.h"
#include "app/ExpiryModel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>
#include <iterator>

using namespace Qt::StringLiterals;
using td::app::CredentialModel;

namespace td::ui {

namespace {
const CredentialModel::DisplayStatus Statuses[] = {
    CredentialModel::DisplayStatus::Active, CredentialModel::DisplayStatus::ExpiringSoon,
    CredentialModel::DisplayStatus::Expired, CredentialModel::DisplayStatus::Revoked,
    CredentialModel::DisplayStatus::Suspended};
const app::CredentialKind Kinds[] = {app::CredentialKind::ApiKey, app::CredentialKind::Uat,
                                     app::CredentialKind::PrivateToken};
} // namespace

ExpiryPage::ExpiryPage(app::ExpiryModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
{
    setObjectName(u"expiryPage"_s);
    auto* layout = new QVBoxLayout(this);
    m_banner = new Banner(u"expiryBanner"_s, u"expiryBannerText"_s, u"expiryRetryButton"_s, this);
    layout->addWidget(m_banner);
    auto* summary = new QGroupBox(tr("Summary"), this);
    m_counts = new QGridLayout(summary);
    for (int c = 0; c < int(std::size(Statuses)); ++c) {
        auto* header =
            new QLabel(u"<b>%1</b>"_s.arg(CredentialModel::statusText(Statuses[c]).toHtmlEscaped()), summary);
        header->setAlignment(Qt::AlignRight);
        m_counts->addWidget(header, 0, c + 1);
    }
    for (int r = 0; r < 3; ++r) {
        m_counts->addWidget(new QLabel(app::kindTitle(Kinds[r]), summary), r + 1, 0);
        for (int c = 0; c < int(std::size(Statuses)); ++c) {
            auto* cell = new QLabel(summary);
            cell->setObjectName(u"count_%1_%2"_s.arg(r).arg(c));
            cell->setAlignment(Qt::AlignRight);
            m_counts->addWidget(cell, r + 1, c + 1);
        }
    }
    layout->addWidget(summary);
    auto* bar = new QHBoxLayout;
    auto* label = new QLabel(tr("Expiring &within:"), this);
    m_horizon = new QComboBox(this);
    m_horizon->setObjectName(u"horizonCombo"_s);
    m_horizon->setAccessibleName(tr("Horizon"));
    for (int days : {7, 30, 90, 365})
        m_horizon->addItem(tr("%n day(s)", nullptr, days), days);
    m_horizon->setCurrentIndex(1);
    label->setBuddy(m_horizon);
    bar->addWidget(label);
    bar->addWidget(m_horizon);
    bar->addStretch(1);
    layout->addLayout(bar);
    m_timeline = new ExpiryTimeline(this);
    layout->addWidget(m_timeline);
    m_view = new QTableView(this);
    m_view->setObjectName(u"expiryView"_s);
    m_view->setAccessibleName(tr("Credentials expiring soon"));
    m_view->setModel(m_model);
    m_view->setItemDelegateForColumn(app::ExpiryModel::Status, new StatusChipDelegate(m_view));
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(app::ExpiryModel::Expires, 260);
    m_view->setColumnWidth(app::ExpiryModel::Kind, 200);
    m_view->setColumnWidth(app::ExpiryModel::Name, 220);
    m_view->setColumnWidth(app::ExpiryModel::Key, 170);
    layout->addWidget(m_view, 1);
    connect(m_horizon, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setHorizonDays(m_horizon->currentData().toInt()); });
    connect(m_model, &app::ExpiryModel::countsChanged, this, &ExpiryPage::updateCounts);
    // Double-click (or Enter) opens the credential on its own page.
    auto open = [this](const QModelIndex& index) {
        if (index.isValid())
            emit openRequested(app::CredentialKind(index.data(app::ExpiryModel::KindRole).toInt()),
                               index.data(app::ExpiryModel::IdRole).toString());
    };
    connect(m_view, &QAbstractItemView::doubleClicked, this, open);
    connect(m_view, &QAbstractItemView::activated, this, open);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setToolTip(tr("Double-click a row to open it on its page."));
    m_model->setHorizonDays(30);
    updateCounts();
}

void ExpiryPage::updateCounts()
{
    m_timeline->setWeeks(m_model->expiringPerWeek(), m_model->now());
    for (int r = 0; r < 3; ++r) {
        for (int c = 0; c < int(std::size(Statuses)); ++c) {
            auto* cell = findChild<QLabel*>(u"count_%1_%2"_s.arg(r).arg(c));
            cell->setText(QString::number(m_model->count(Kinds[r], Statuses[c])));
        }
    }
}

} // namespace td::ui
