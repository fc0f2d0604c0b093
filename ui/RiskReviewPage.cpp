#include "RiskReviewPage.h"

#include "Banner.h"
#include "CredentialsPage.h"
#include "Icons.h"
#include "app/ApiClient.h"
#include "protocol/Dto.h"

#include <QComboBox>
#include <QDateEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSet>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <memory>

using namespace Qt::StringLiterals;

namespace td::ui {

namespace {

constexpr int FindingRole = Qt::UserRole + 1; // on every row: the finding's index in m_findings
constexpr int ItemRole = Qt::UserRole + 2;    // on a credential's row: its index in the finding's items

QString shortDate(const QDateTime& time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime().date(), QLocale::ShortFormat) : QString();
}

QString label(const protocol::ApiKeyDto& record)
{
    return protocol::credentialLabel(record.name, record.prefix, record.last4);
}

} // namespace

RiskReviewPage::RiskReviewPage(app::ApiClient* client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(u"riskReviewPage"_s);
    auto* layout = new QVBoxLayout(this);
    auto* top = new QHBoxLayout;
    m_summary = new QLabel(this);
    m_summary->setObjectName(u"riskSummary"_s);
    m_summary->setWordWrap(true);
    auto* refresh = new QPushButton(themedIcon(u"view-refresh"_s), tr("&Refresh"), this);
    refresh->setObjectName(u"riskRefresh"_s);
    refresh->setShortcut(QKeySequence::Refresh);
    connect(refresh, &QPushButton::clicked, this, &RiskReviewPage::reload);
    top->addWidget(m_summary, 1);
    top->addWidget(refresh);
    layout->addLayout(top);
    m_banner = new Banner(u"riskBanner"_s, u"riskBannerText"_s, u"riskRetryButton"_s, this);
    layout->addWidget(m_banner);

    m_tree = new QTreeWidget(this);
    m_tree->setObjectName(u"findingsTree"_s);
    m_tree->setAccessibleName(tr("Findings"));
    m_tree->setColumnCount(4);
    m_tree->setHeaderLabels({tr("Credential"), tr("Kind"), tr("Why"), tr("Expires")});
    m_tree->setUniformRowHeights(true);
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_tree->setColumnWidth(0, 300);
    m_tree->setColumnWidth(1, 170);
    layout->addWidget(m_tree, 1);

    // The actions work on the checked credentials of the group the current row belongs to.
    m_scope = new QLabel(this);
    m_scope->setObjectName(u"riskScope"_s);
    m_scope->setWordWrap(true);
    layout->addWidget(m_scope);
    auto* actions = new QHBoxLayout;
    m_revoke = new QPushButton(themedIcon(u"edit-delete"_s), tr("Re&voke…"), this);
    m_revoke->setObjectName(u"riskRevoke"_s);
    m_expiry = new QPushButton(themedIcon(u"x-office-calendar"_s), tr("Set e&xpiry…"), this);
    m_expiry->setObjectName(u"riskSetExpiry"_s);
    m_narrow = new QPushButton(themedIcon(u"view-filter"_s), tr("&Narrow scopes…"), this);
    m_narrow->setObjectName(u"riskNarrow"_s);
    m_narrow->setToolTip(tr("Keep only the scopes each credential needed in the last 30 days."));
    m_open = new QPushButton(tr("&Open"), this);
    m_open->setObjectName(u"riskOpen"_s);
    for (QPushButton* b : {m_revoke, m_expiry, m_narrow, m_open})
        actions->addWidget(b);
    actions->addStretch(1);
    layout->addLayout(actions);
    m_result = new QLabel(this);
    m_result->setObjectName(u"riskResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, &RiskReviewPage::updateActions);
    connect(m_tree, &QTreeWidget::itemChanged, this, &RiskReviewPage::updateActions);
    connect(m_revoke, &QPushButton::clicked, this, [this] { confirm(Action::Revoke); });
    connect(m_expiry, &QPushButton::clicked, this, [this] { confirm(Action::SetExpiry); });
    connect(m_narrow, &QPushButton::clicked, this, [this] { confirm(Action::Narrow); });
    const auto open = [this] {
        const QTreeWidgetItem* item = m_tree->currentItem();
        const app::Finding* finding = currentFinding();
        if (!item || !finding || !item->data(0, ItemRole).isValid())
            return;
        const app::Finding::Item& entry = finding->items.at(item->data(0, ItemRole).toInt());
        emit openRequested(entry.record.kind, entry.record.id);
    };
    connect(m_open, &QPushButton::clicked, this, open);
    connect(m_tree, &QTreeWidget::itemActivated, this, [open](QTreeWidgetItem* item) {
        if (item->data(0, ItemRole).isValid())
            open();
    });
    m_summary->setText(tr("Not checked yet."));
    updateActions();
}

QString RiskReviewPage::title(const QString& type, qint64 count)
{
    const int n = int(count);
    if (type == u"adminWithoutAllowlist"_s)
        return tr("%n credential(s) with admin rights and no IP allowlist", nullptr, n);
    if (type == u"refusedOften"_s)
        return tr("%n credential(s) refused 10 times or more in the last 24 hours", nullptr, n);
    if (type == u"creatorLeft"_s)
        return tr("%n API key(s) made by someone who has left the tenant", nullptr, n);
    if (type == u"usedAfterRotation"_s)
        return tr("%n credential(s) still used after their rotation", nullptr, n);
    if (type == u"neverExpires"_s)
        return tr("%n credential(s) that never expire", nullptr, n);
    if (type == u"unusedScopes"_s)
        return tr("%n credential(s) holding scopes they have not needed for 30 days", nullptr, n);
    if (type == u"idle"_s)
        return tr("%n credential(s) not used for 90 days or more", nullptr, n);
    if (type == u"neverUsed"_s)
        return tr("%n credential(s) never used, created more than 7 days ago", nullptr, n);
    return tr("%n credential(s): %1", nullptr, n).arg(type); // a finding this console does not know yet
}

QString RiskReviewPage::why(const QString& type, const app::Finding::Item& item)
{
    const protocol::ApiKeyDto& r = item.record;
    if (type == u"adminWithoutAllowlist"_s)
        return tr("Holds admin and works from any address");
    if (type == u"refusedOften"_s)
        return tr("%n refusal(s) in the last 24 hours", nullptr, int(item.refusals));
    if (type == u"creatorLeft"_s)
        return tr("Made by %1, who may still hold it: rotate it").arg(item.createdBy);
    if (type == u"usedAfterRotation"_s)
        return tr("Last used %1; its grace ends %2").arg(shortDate(r.lastUsedAt), shortDate(r.expiresAt));
    if (type == u"neverExpires"_s)
        return tr("Created %1, no expiry").arg(shortDate(r.createdAt));
    if (type == u"unusedScopes"_s) {
        if (item.usedScopes.isEmpty())
            return tr("Holds %1; needed none of them in 30 days: revoke it").arg(item.unusedScopes.join(u", "_s));
        return tr("Holds %1 it did not need; used only %2 in 30 days: narrow to %2")
            .arg(item.unusedScopes.join(u", "_s), item.usedScopes.join(u", "_s));
    }
    if (type == u"idle"_s)
        return tr("Last used %1").arg(shortDate(r.lastUsedAt));
    if (type == u"neverUsed"_s)
        return tr("Created %1, never used").arg(shortDate(r.createdAt));
    return {};
}

QString RiskReviewPage::resultText() const
{
    return m_result->text();
}

void RiskReviewPage::reload()
{
    if (m_busy)
        return;
    m_busy = true;
    m_banner->showBusy(tr("Checking the credentials…"));
    updateActions();
    const int generation = ++m_generation;
    auto* job = new app::FindingsJob(m_client, this);
    app::runJob(job, this, [this, job, generation] {
        if (generation != m_generation)
            return;
        m_busy = false;
        if (!job->error().ok()) {
            m_banner->showError(
                tr("The findings could not be read. %1").arg(job->error().userMessage()), [this] { reload(); },
                tr("Retry"));
            updateActions();
            return;
        }
        // A failure of the action that led to this reload stays in view.
        if (m_actionError.isEmpty())
            m_banner->clear();
        else
            m_banner->showError(std::exchange(m_actionError, {}));
        m_findings = job->findings();
        // What could be used against the tenant now first.
        std::stable_sort(m_findings.begin(), m_findings.end(), [](const app::Finding& a, const app::Finding& b) {
            return int(a.severity) < int(b.severity);
        });
        populate();
        const QString when = QLocale().toString(job->computedAt().toLocalTime().time(), QLocale::ShortFormat);
        m_summary->setText(
            m_findings.isEmpty()
                ? tr("No findings (checked at %1): every credential is used, expires, and holds only what it needs.")
                      .arg(when)
                : tr("%n finding(s) (checked at %1).", nullptr, int(m_findings.size())).arg(when) + u' ' +
                      tr("A credential can appear under several; check the ones to act on, then choose an action."));
    });
}

void RiskReviewPage::populate()
{
    const QSignalBlocker blocker(m_tree);
    m_tree->clear();
    const QIcon high = themedIcon(u"dialog-warning"_s);
    const QIcon other = themedIcon(u"dialog-information"_s);
    for (int f = 0; f < m_findings.size(); ++f) {
        const app::Finding& finding = m_findings.at(f);
        auto* group = new QTreeWidgetItem(m_tree);
        QString text = title(finding.type, finding.count);
        if (finding.truncated)
            text += u' ' + tr("(the newest %n listed)", nullptr, int(finding.items.size()));
        group->setText(0, text);
        group->setIcon(0, finding.severity == app::Finding::Severity::High ? high : other);
        group->setFirstColumnSpanned(true);
        QFont bold = group->font(0);
        bold.setBold(true);
        group->setFont(0, bold);
        group->setData(0, FindingRole, f);
        // Checking the group checks all of its credentials.
        group->setFlags(group->flags() | Qt::ItemIsUserCheckable | Qt::ItemIsAutoTristate);
        for (int i = 0; i < finding.items.size(); ++i) {
            const app::Finding::Item& item = finding.items.at(i);
            auto* row = new QTreeWidgetItem(group);
            row->setText(0, label(item.record));
            row->setToolTip(0, item.record.id);
            row->setText(1, app::kindName(item.record.kind));
            row->setText(2, why(finding.type, item));
            row->setToolTip(2, row->text(2));
            row->setText(3, item.record.expiresAt.isValid() ? shortDate(item.record.expiresAt) : tr("Never"));
            row->setData(0, FindingRole, f);
            row->setData(0, ItemRole, i);
            row->setFlags(row->flags() | Qt::ItemIsUserCheckable);
            row->setCheckState(0, Qt::Checked);
        }
    }
    m_tree->expandAll();
    if (m_tree->topLevelItemCount() > 0)
        m_tree->setCurrentItem(m_tree->topLevelItem(0));
    updateActions();
}

const app::Finding* RiskReviewPage::currentFinding() const
{
    const QTreeWidgetItem* item = m_tree->currentItem();
    if (!item)
        return nullptr;
    const int f = item->data(0, FindingRole).toInt();
    return f >= 0 && f < m_findings.size() ? &m_findings.at(f) : nullptr;
}

QList<RiskReviewPage::Target> RiskReviewPage::checkedTargets() const
{
    QList<Target> out;
    const QTreeWidgetItem* item = m_tree->currentItem();
    const app::Finding* finding = currentFinding();
    if (!item || !finding)
        return out;
    const QTreeWidgetItem* group = item->parent() ? item->parent() : item;
    for (int i = 0; i < group->childCount(); ++i) {
        const QTreeWidgetItem* row = group->child(i);
        if (row->checkState(0) != Qt::Checked)
            continue;
        const app::Finding::Item& entry = finding->items.at(row->data(0, ItemRole).toInt());
        out.append({entry.record.kind, entry.record.id, label(entry.record), entry.usedScopes, entry.record.expiresAt});
    }
    return out;
}

void RiskReviewPage::updateActions()
{
    const app::Finding* finding = currentFinding();
    const QList<Target> targets = checkedTargets();
    const bool any = !m_busy && !targets.isEmpty();
    m_revoke->setEnabled(any);
    m_expiry->setEnabled(any);
    m_narrow->setEnabled(any && finding && finding->type == u"unusedScopes"_s);
    const QTreeWidgetItem* item = m_tree->currentItem();
    m_open->setEnabled(item && item->data(0, ItemRole).isValid());
    m_scope->setText(finding ? tr("The actions apply to the %n checked credential(s) of the selected group.", nullptr,
                                  int(targets.size()))
                             : QString());
}

void RiskReviewPage::confirm(Action action)
{
    QList<Target> targets = checkedTargets();
    if (targets.isEmpty() || m_busy)
        return;
    if (action == Action::SetExpiry) {
        askExpiry(targets);
        return;
    }
    QStringList names;
    QStringList skipped;
    if (action == Action::Narrow) {
        // Narrowing to nothing is no narrowing: those are for Revoke.
        QList<Target> narrowable;
        for (const Target& t : std::as_const(targets)) {
            if (t.keep.isEmpty())
                skipped.append(t.label);
            else
                narrowable.append(t);
        }
        targets = narrowable;
        for (const Target& t : std::as_const(targets))
            names.append(tr("%1: keep %2").arg(t.label, t.keep.join(u", "_s)));
        if (targets.isEmpty()) {
            m_result->setText(tr("None of the checked credentials needed any of its scopes; revoke them instead."));
            return;
        }
    } else {
        for (const Target& t : std::as_const(targets))
            names.append(t.label);
    }
    const QString text =
        action == Action::Revoke
            ? tr("Revoke %n credential(s)? Every request made with them fails from now on; this cannot be undone.",
                 nullptr, int(targets.size()))
            : tr("Narrow the scopes of %n credential(s) to those they needed in the last 30 days? Requests that need "
                 "a dropped scope are refused from now on.",
                 nullptr, int(targets.size()));
    auto* box = new QMessageBox(action == Action::Revoke ? QMessageBox::Warning : QMessageBox::Question,
                                action == Action::Revoke ? tr("Revoke") : tr("Narrow scopes"),
                                text + CredentialsPage::nameList(names) +
                                    (skipped.isEmpty() ? QString()
                                                       : tr("%n needed none of its scopes and is left as it is.",
                                                            nullptr, int(skipped.size()))),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"riskConfirm"_s);
    box->setTextFormat(Qt::RichText);
    QPushButton* go = box->addButton(action == Action::Revoke ? tr("Revoke") : tr("Narrow"),
                                     action == Action::Revoke ? QMessageBox::DestructiveRole : QMessageBox::AcceptRole);
    go->setObjectName(u"riskConfirmButton"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, go, action, targets](QAbstractButton* button) {
        if (button == go)
            run(action, targets, {});
    });
    box->open();
}

void RiskReviewPage::askExpiry(const QList<Target>& targets)
{
    auto* dialog = new QDialog(this);
    dialog->setObjectName(u"riskExpiryDialog"_s);
    dialog->setWindowTitle(tr("Set expiry"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(dialog);
    QStringList names;
    for (const Target& t : targets)
        names.append(t.label);
    auto* text = new QLabel(tr("Make %n credential(s) expire. An expiry can only be brought forward: those that "
                               "already expire sooner keep their date.",
                               nullptr, int(targets.size())) +
                                CredentialsPage::nameList(names),
                            dialog);
    text->setTextFormat(Qt::RichText);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto* form = new QFormLayout;
    auto* when = new QComboBox(dialog);
    when->setObjectName(u"riskExpiryCombo"_s);
    for (int days : {7, 30, 90})
        when->addItem(tr("In %n day(s)", nullptr, days), days);
    when->addItem(tr("On a date…"), 0);
    when->setCurrentIndex(1);
    auto* date = new QDateEdit(QDate::currentDate().addDays(30), dialog);
    date->setObjectName(u"riskExpiryDate"_s);
    date->setCalendarPopup(true);
    date->setMinimumDate(QDate::currentDate().addDays(1));
    date->setEnabled(false);
    connect(when, &QComboBox::currentIndexChanged, date, [when, date] { date->setEnabled(when->currentData() == 0); });
    form->addRow(tr("&Expires:"), when);
    form->addRow(tr("&Date:"), date);
    layout->addLayout(form);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, dialog);
    QPushButton* set = buttons->addButton(tr("Set expiry"), QDialogButtonBox::AcceptRole);
    set->setObjectName(u"riskExpiryButton"_s);
    set->setDefault(true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(dialog, &QDialog::accepted, this, [this, targets, when, date] {
        const int days = when->currentData().toInt();
        // A date means through the end of that day, local time.
        const QDateTime expiry = days > 0 ? QDateTime::currentDateTimeUtc().addDays(days)
                                          : QDateTime(date->date().addDays(1), QTime(0, 0)).toUTC();
        run(Action::SetExpiry, targets, expiry);
    });
    dialog->open();
}

void RiskReviewPage::run(Action action, QList<Target> targets, const QDateTime& expiry)
{
    QStringList skipped;
    if (action == Action::SetExpiry) {
        QList<Target> later;
        for (const Target& t : std::as_const(targets)) {
            if (t.expiresAt.isValid() && t.expiresAt <= expiry)
                skipped.append(t.label);
            else
                later.append(t);
        }
        targets = later;
    }
    if (targets.isEmpty()) {
        finish(action, 0, {}, skipped);
        return;
    }
    m_busy = true;
    updateActions();
    m_banner->showBusy(tr("Changing %n credential(s)…", nullptr, int(targets.size())));
    // One request per credential (a change of scopes or expiry is per record), or one bulk revoke per kind.
    struct State
    {
        int pending = 0;
        int done = 0;
        QStringList failures;
        QSet<int> kinds;
    };
    auto state = std::make_shared<State>();
    const auto settle = [this, state, action, skipped] {
        if (--state->pending > 0)
            return;
        m_busy = false;
        for (int kind : std::as_const(state->kinds))
            emit credentialsChanged(app::CredentialKind(kind));
        finish(action, state->done, state->failures, skipped);
    };
    if (action == Action::Revoke) {
        QHash<int, QStringList> byKind;
        QHash<QString, QString> labels;
        for (const Target& t : std::as_const(targets)) {
            byKind[int(t.kind)].append(t.id);
            labels.insert(t.id, t.label);
        }
        for (auto it = byKind.cbegin(); it != byKind.cend(); ++it) {
            for (qsizetype from = 0; from < it->size(); from += protocol::MaxBulkRevokeIds) {
                const QStringList chunk = it->mid(from, protocol::MaxBulkRevokeIds);
                ++state->pending;
                state->kinds.insert(it.key());
                auto* job = new app::RevokeCredentialsJob(m_client, app::CredentialKind(it.key()), chunk, this);
                app::runJob(job, this, [job, state, chunk, labels, settle] {
                    if (job->error().ok())
                        state->done += int(chunk.size());
                    else
                        state->failures.append(
                            tr("%n credential(s): %1", nullptr, int(chunk.size())).arg(job->error().userMessage()));
                    settle();
                });
            }
        }
        return;
    }
    for (const Target& t : std::as_const(targets)) {
        const app::CredentialKindInfo& info = app::kindInfo(t.kind);
        const QJsonObject change = action == Action::Narrow
                                       ? QJsonObject{{info.rightsField, QJsonArray::fromStringList(t.keep)}}
                                       : QJsonObject{{info.expiryField, protocol::toIso(expiry)}};
        ++state->pending;
        state->kinds.insert(int(t.kind));
        auto* job = new app::UpdateCredentialJob(m_client, t.kind, t.id, change, this);
        app::runJob(job, this, [job, state, label = t.label, settle] {
            if (job->error().ok())
                ++state->done;
            else
                state->failures.append(tr("%1: %2").arg(label, job->error().userMessage()));
            settle();
        });
    }
}

void RiskReviewPage::finish(Action action, int done, const QStringList& failures, const QStringList& skipped)
{
    QString text = action == Action::Revoke   ? tr("Revoked %n credential(s).", nullptr, done)
                   : action == Action::Narrow ? tr("Narrowed the scopes of %n credential(s).", nullptr, done)
                                              : tr("Set the expiry of %n credential(s).", nullptr, done);
    if (!skipped.isEmpty())
        text += u' ' + tr("%n already expired sooner and kept their date.", nullptr, int(skipped.size()));
    m_result->setText(text);
    const QString error =
        failures.isEmpty() ? QString()
                           : tr("%n change(s) failed: %1", nullptr, int(failures.size())).arg(failures.join(u"; "_s));
    if (error.isEmpty())
        m_banner->clear();
    else
        m_banner->showError(error);
    updateActions();
    if (done > 0) { // what the change resolved leaves the list
        m_actionError = error;
        reload();
    }
}

} // namespace td::ui
