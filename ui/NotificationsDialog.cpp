#include "NotificationsDialog.h"

#include "Icons.h"
#include "SecretDialog.h"
#include "app/ApiClient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace td::ui {

namespace {

QString when(const QDateTime& at)
{
    return at.isValid() ? QLocale().toString(at.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString formatText(const QString& format)
{
    return format == u"slack"_s ? NotificationsDialog::tr("Slack") : NotificationsDialog::tr("JSON");
}

QString statusText(const app::NotificationDeliveryInfo& d)
{
    if (d.status == u"delivered"_s)
        return NotificationsDialog::tr("Delivered");
    if (d.status == u"failed"_s)
        return NotificationsDialog::tr("Failed, no more retries");
    if (d.attempts.isEmpty())
        return NotificationsDialog::tr("Waiting");
    return NotificationsDialog::tr("Retrying at %1").arg(when(d.nextAttemptAt));
}

QString answerText(const app::NotificationDeliveryInfo::Attempt& a)
{
    if (a.statusCode != 0)
        return NotificationsDialog::tr("HTTP %1").arg(a.statusCode);
    return a.error;
}

} // namespace

QString NotificationsDialog::eventText(const QString& event)
{
    if (event == u"credential.expiring"_s)
        return tr("Expiring");
    if (event == u"credential.expired"_s)
        return tr("Expired");
    if (event == u"credential.revoked"_s)
        return tr("Revoked");
    if (event == u"credential.rotated"_s)
        return tr("Rotated");
    if (event == u"credential.refused_spike"_s)
        return tr("Refused often");
    if (event == u"notification.test"_s)
        return tr("Test");
    return event;
}

NotificationsDialog::NotificationsDialog(app::ApiClient* client, app::ClipboardGuard* clipboard, QWidget* parent)
    : QDialog(parent)
    , m_client(client)
    , m_clipboard(clipboard)
{
    setObjectName(u"notificationsDialog"_s);
    setWindowTitle(tr("Notifications"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        tr("Events about this tenant's credentials are posted to these addresses: a chat channel (Slack format) or "
           "your own service (JSON, signed with the endpoint's secret in X-TokenDesk-Signature). Failed deliveries "
           "are retried for a day."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* splitter = new QSplitter(Qt::Vertical, this);
    auto* top = new QWidget(splitter);
    auto* topLayout = new QHBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    m_list = new QTreeWidget(top);
    m_list->setObjectName(u"endpointList"_s);
    m_list->setRootIsDecorated(false);
    m_list->setHeaderLabels({tr("Name"), tr("Address"), tr("Format"), tr("Events")});
    m_list->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_list->header()->setStretchLastSection(true);
    m_list->setColumnWidth(0, 160);
    m_list->setColumnWidth(1, 220);
    m_list->setColumnWidth(2, 60);
    topLayout->addWidget(m_list, 1);
    auto* buttons = new QVBoxLayout;
    m_add = new QPushButton(themedIcon(u"list-add"_s), tr("&Add…"), top);
    m_add->setObjectName(u"addEndpointButton"_s);
    m_edit = new QPushButton(tr("&Edit…"), top);
    m_edit->setObjectName(u"editEndpointButton"_s);
    m_test = new QPushButton(tr("Send &test"), top);
    m_test->setObjectName(u"testEndpointButton"_s);
    m_secret = new QPushButton(tr("New &secret…"), top);
    m_secret->setObjectName(u"secretEndpointButton"_s);
    m_delete = new QPushButton(themedIcon(u"edit-delete"_s), tr("&Delete…"), top);
    m_delete->setObjectName(u"deleteEndpointButton"_s);
    for (QPushButton* b : {m_add, m_edit, m_test, m_secret, m_delete})
        buttons->addWidget(b);
    buttons->addStretch();
    topLayout->addLayout(buttons);

    auto* bottom = new QWidget(splitter);
    auto* bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    m_deliveriesLabel = new QLabel(bottom);
    m_deliveriesLabel->setObjectName(u"deliveriesLabel"_s);
    bottomLayout->addWidget(m_deliveriesLabel);
    m_deliveries = new QTreeWidget(bottom);
    m_deliveries->setObjectName(u"deliveryList"_s);
    m_deliveries->setRootIsDecorated(true);
    m_deliveries->setHeaderLabels(
        {tr("Time"), tr("Event"), tr("Credential"), tr("Status"), tr("Attempts"), tr("Last answer")});
    m_deliveries->setColumnWidth(0, 170);
    m_deliveries->setColumnWidth(1, 100);
    m_deliveries->setColumnWidth(2, 190);
    m_deliveries->setColumnWidth(3, 190);
    m_deliveries->setColumnWidth(4, 60);
    bottomLayout->addWidget(m_deliveries);
    splitter->addWidget(top);
    splitter->addWidget(bottom);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    layout->addWidget(splitter, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(u"notificationsStatus"_s);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    auto* close = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(close, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(close);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        updateButtons();
        reloadDeliveries();
    });
    connect(m_list, &QTreeWidget::itemActivated, this, [this] { edit(selected()); });
    connect(m_add, &QPushButton::clicked, this, [this] { edit(nullptr); });
    connect(m_edit, &QPushButton::clicked, this, [this] { edit(selected()); });
    connect(m_test, &QPushButton::clicked, this, &NotificationsDialog::sendTest);
    connect(m_secret, &QPushButton::clicked, this, &NotificationsDialog::newSecret);
    connect(m_delete, &QPushButton::clicked, this, &NotificationsDialog::remove);
    m_refresh = new QTimer(this);
    m_refresh->setInterval(5000);
    connect(m_refresh, &QTimer::timeout, this, [this] {
        if (isVisible())
            reloadDeliveries();
    });
    m_refresh->start();
    resize(860, 560);
    updateButtons();
    reload();
}

void NotificationsDialog::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? u"color: palette(bright-text); background: #b00020; padding: 4px;"_s : QString());
}

const app::NotificationEndpointInfo* NotificationsDialog::selected() const
{
    const QList<QTreeWidgetItem*> items = m_list->selectedItems();
    if (items.isEmpty())
        return nullptr;
    const QString id = items.constFirst()->data(0, Qt::UserRole).toString();
    for (const app::NotificationEndpointInfo& e : m_endpoints) {
        if (e.id == id)
            return &e;
    }
    return nullptr;
}

void NotificationsDialog::updateButtons()
{
    const bool one = selected() != nullptr;
    for (QPushButton* b : {m_edit, m_test, m_secret, m_delete})
        b->setEnabled(one);
    m_add->setEnabled(m_endpoints.size() < m_limit);
    m_add->setToolTip(m_endpoints.size() < m_limit
                          ? QString()
                          : tr("A tenant has at most %n notification endpoint(s).", nullptr, m_limit));
}

void NotificationsDialog::reload()
{
    auto* job = new app::NotificationEndpointsJob(m_client, this);
    app::runJob(job, this, [this, job] {
        if (!job->error().ok()) {
            setStatus(tr("The notification endpoints could not be loaded: %1").arg(job->error().userMessage()), true);
            return;
        }
        showEndpoints(job->endpoints(), job->limit() > 0 ? job->limit() : 20);
    });
}

void NotificationsDialog::showEndpoints(const QList<app::NotificationEndpointInfo>& endpoints, int limit)
{
    const QString keep = selected() ? selected()->id : QString();
    m_endpoints = endpoints;
    m_limit = limit;
    m_list->clear();
    QTreeWidgetItem* select = nullptr;
    for (const app::NotificationEndpointInfo& e : endpoints) {
        QStringList events;
        for (const QString& event : e.events) {
            if (event == u"credential.expiring"_s && !e.expiringDays.isEmpty()) {
                QStringList days;
                for (int d : e.expiringDays)
                    days.append(QLocale().toString(d));
                events.append(tr("Expiring (%1 days before)").arg(days.join(u", "_s)));
            } else {
                events.append(eventText(event));
            }
        }
        auto* item = new QTreeWidgetItem(m_list, {e.name, e.urlHint, formatText(e.format), events.join(u", "_s)});
        item->setData(0, Qt::UserRole, e.id);
        item->setToolTip(3, events.join(u"\n"_s));
        if (e.id == keep || (keep.isEmpty() && !select))
            select = item;
    }
    if (select)
        m_list->setCurrentItem(select);
    if (endpoints.isEmpty()) {
        m_deliveries->clear();
        m_deliveriesLabel->setText(tr("No endpoints yet: add one to be told when credentials expire, are revoked or "
                                      "are refused."));
    }
    updateButtons();
}

void NotificationsDialog::reloadDeliveries()
{
    const app::NotificationEndpointInfo* e = selected();
    if (!e) {
        m_deliveries->clear();
        return;
    }
    const QString id = e->id;
    const QString name = e->name;
    auto* job = new app::NotificationDeliveriesJob(m_client, id, this);
    app::runJob(job, this, [this, job, id, name] {
        if (!selected() || selected()->id != id)
            return; // another endpoint was selected meanwhile
        if (!job->error().ok()) {
            m_deliveriesLabel->setText(tr("Deliveries could not be loaded: %1").arg(job->error().userMessage()));
            return;
        }
        const QList<app::NotificationDeliveryInfo>& list = job->deliveries();
        m_deliveriesLabel->setText(list.isEmpty() ? tr("No deliveries to \"%1\" yet.").arg(name)
                                                  : tr("Last deliveries to \"%1\":").arg(name));
        // Keep what is expanded across the refresh.
        QSet<QString> expanded;
        for (int i = 0; i < m_deliveries->topLevelItemCount(); ++i) {
            if (m_deliveries->topLevelItem(i)->isExpanded())
                expanded.insert(m_deliveries->topLevelItem(i)->data(0, Qt::UserRole).toString());
        }
        m_deliveries->clear();
        for (const app::NotificationDeliveryInfo& d : list) {
            auto* item = new QTreeWidgetItem(m_deliveries,
                                             {when(d.createdAt), eventText(d.event), d.credentialLabel, statusText(d),
                                              QLocale().toString(d.attempts.size()),
                                              d.attempts.isEmpty() ? QString() : answerText(d.attempts.constFirst())});
            item->setToolTip(2, d.credentialLabel);
            item->setData(0, Qt::UserRole, d.id);
            item->setToolTip(0, d.id);
            if (d.status == u"failed"_s)
                item->setIcon(3, themedIcon(u"dialog-error"_s));
            else if (d.status == u"delivered"_s)
                item->setIcon(3, themedIcon(u"emblem-ok"_s));
            for (const app::NotificationDeliveryInfo::Attempt& a : d.attempts) {
                new QTreeWidgetItem(item, {when(a.at), QString(), QString(), QString(), QString(),
                                           answerText(a) + u" · "_s + tr("%n ms", nullptr, int(a.durationMs))});
            }
            item->setExpanded(expanded.contains(d.id));
        }
    });
}

void NotificationsDialog::edit(const app::NotificationEndpointInfo* endpoint)
{
    if (!endpoint && m_endpoints.size() >= m_limit)
        return;
    auto* editor = new NotificationEndpointEditor(endpoint, this);
    editor->setAttribute(Qt::WA_DeleteOnClose);
    const QString id = endpoint ? endpoint->id : QString();
    editor->submit = [this, editor, id](const app::NotificationEndpointInput& input) {
        editor->setBusy(true);
        auto* job = new app::SaveNotificationEndpointJob(m_client, id, input, editor);
        app::runJob(job, editor, [this, editor, job, id] {
            editor->setBusy(false);
            if (!job->error().ok()) {
                editor->showErrors(job->error().details, job->error().userMessage());
                return;
            }
            editor->saved();
            if (id.isEmpty()) {
                showSecret(job->endpoint().name, job->secret());
                setStatus(tr("Added \"%1\". Send a test to check that it arrives.").arg(job->endpoint().name));
            } else {
                setStatus(tr("Saved \"%1\".").arg(job->endpoint().name));
            }
            reload();
        });
    };
    editor->open();
}

void NotificationsDialog::sendTest()
{
    const app::NotificationEndpointInfo* e = selected();
    if (!e)
        return;
    const QString name = e->name;
    auto* job =
        new app::NotificationEndpointActionJob(m_client, e->id, app::NotificationEndpointActionJob::Action::Test, this);
    app::runJob(job, this, [this, job, name] {
        if (!job->error().ok()) {
            setStatus(job->error().userMessage(), true);
            return;
        }
        setStatus(tr("A test notification to \"%1\" is on its way; its delivery appears below.").arg(name));
        reloadDeliveries();
        QTimer::singleShot(1500, this, &NotificationsDialog::reloadDeliveries);
    });
}

void NotificationsDialog::newSecret()
{
    const app::NotificationEndpointInfo* e = selected();
    if (!e)
        return;
    const QString id = e->id;
    const QString name = e->name;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("New signing secret"),
                                tr("Make a new signing secret for \"%1\"? The current one stops at once: the receiver "
                                   "must be given the new one, or it will reject every notification.")
                                    .arg(name),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"newSecretConfirm"_s);
    QPushButton* make = box->addButton(tr("Make new secret"), QMessageBox::AcceptRole);
    make->setObjectName(u"confirmNewSecretButton"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, make, id, name](QAbstractButton* button) {
        if (button != make)
            return;
        auto* job = new app::NotificationEndpointActionJob(m_client, id,
                                                           app::NotificationEndpointActionJob::Action::NewSecret, this);
        app::runJob(job, this, [this, job, name] {
            if (!job->error().ok()) {
                setStatus(job->error().userMessage(), true);
                return;
            }
            showSecret(name, job->secret());
        });
    });
    box->open();
}

void NotificationsDialog::remove()
{
    const app::NotificationEndpointInfo* e = selected();
    if (!e)
        return;
    const QString id = e->id;
    const QString name = e->name;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Delete endpoint"),
                                tr("Delete the notification endpoint \"%1\"? Its pending deliveries are dropped and "
                                   "it receives nothing more.")
                                    .arg(name),
                                QMessageBox::Cancel, this);
    box->setObjectName(u"deleteEndpointConfirm"_s);
    QPushButton* del = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    del->setObjectName(u"confirmDeleteEndpointButton"_s);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, del, id, name](QAbstractButton* button) {
        if (button != del)
            return;
        auto* job = new app::NotificationEndpointActionJob(m_client, id,
                                                           app::NotificationEndpointActionJob::Action::Delete, this);
        app::runJob(job, this, [this, job, name] {
            if (!job->error().ok()) {
                setStatus(job->error().userMessage(), true);
                return;
            }
            setStatus(tr("Deleted \"%1\".").arg(name));
            reload();
        });
    });
    box->open();
}

void NotificationsDialog::showSecret(const QString& name, const QByteArray& secret)
{
    auto* dialog = new SecretDialog(tr("Signing secret"), name, secret, m_clipboard, this);
    dialog->setObjectName(u"notificationSecretDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

NotificationEndpointEditor::NotificationEndpointEditor(const app::NotificationEndpointInfo* endpoint, QWidget* parent)
    : QDialog(parent)
    , m_editing(endpoint != nullptr)
{
    setObjectName(u"endpointEditor"_s);
    setWindowTitle(endpoint ? tr("Edit notification endpoint") : tr("Add notification endpoint"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"endpointName"_s);
    m_name->setMaxLength(100);
    m_name->setPlaceholderText(tr("e.g. On-call channel"));
    form->addRow(tr("&Name:"), m_name);
    m_url = new QLineEdit(this);
    m_url->setObjectName(u"endpointUrl"_s);
    m_url->setMaxLength(2048);
    // The stored URL is never shown again (a Slack webhook's address is its secret): empty keeps it.
    m_url->setPlaceholderText(endpoint ? tr("Unchanged: %1").arg(endpoint->urlHint)
                                       : tr("https://hooks.slack.com/services/…"));
    m_url->setToolTip(tr("https:// address; http:// only to this machine (127.0.0.1, localhost)."));
    form->addRow(tr("&Address:"), m_url);
    m_format = new QComboBox(this);
    m_format->setObjectName(u"endpointFormat"_s);
    m_format->addItem(tr("JSON (the event, for your own service)"), u"json"_s);
    m_format->addItem(tr("Slack (incoming webhook text)"), u"slack"_s);
    form->addRow(tr("&Format:"), m_format);

    auto* events = new QWidget(this);
    auto* eventsLayout = new QVBoxLayout(events);
    eventsLayout->setContentsMargins(0, 0, 0, 0);
    auto* expiringRow = new QHBoxLayout;
    m_expiring = new QCheckBox(tr("E&xpiring, days before:"), events);
    m_expiring->setObjectName(u"event_credential.expiring"_s);
    expiringRow->addWidget(m_expiring);
    for (int d : {30, 14, 7, 1}) {
        auto* box = new QCheckBox(QLocale().toString(d), events);
        box->setObjectName(u"days_%1"_s.arg(d));
        box->setChecked(d == 7 || d == 1);
        expiringRow->addWidget(box);
        m_days.append({d, box});
        connect(m_expiring, &QCheckBox::toggled, box, &QWidget::setEnabled);
        box->setEnabled(false);
    }
    expiringRow->addStretch();
    eventsLayout->addLayout(expiringRow);
    for (const auto& [event, text] :
         {std::pair{u"credential.expired"_s, tr("Ex&pired")}, std::pair{u"credential.revoked"_s, tr("&Revoked")},
          std::pair{u"credential.rotated"_s, tr("R&otated")},
          std::pair{u"credential.refused_spike"_s, tr("Refused &10 times or more in 24 hours")}}) {
        auto* box = new QCheckBox(text, events);
        box->setObjectName(u"event_"_s + event);
        eventsLayout->addWidget(box);
        m_events.append({event, box});
    }
    form->addRow(tr("Events:"), events);
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(u"endpointError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #b00020;"_s);
    m_error->hide();
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(u"saveEndpointButton"_s);
    m_ok->setText(endpoint ? tr("Save") : tr("Add"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NotificationEndpointEditor::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    if (endpoint) {
        m_name->setText(endpoint->name);
        m_format->setCurrentIndex(qMax(0, m_format->findData(endpoint->format)));
        m_expiring->setChecked(endpoint->events.contains(u"credential.expiring"_s));
        for (const auto& [d, box] : std::as_const(m_days))
            box->setChecked(endpoint->expiringDays.isEmpty() ? (d == 7 || d == 1) : endpoint->expiringDays.contains(d));
        for (const auto& [event, box] : std::as_const(m_events))
            box->setChecked(endpoint->events.contains(event));
    } else {
        m_expiring->setChecked(true);
        for (const auto& [event, box] : std::as_const(m_events))
            box->setChecked(event == u"credential.expired"_s || event == u"credential.revoked"_s);
    }
    setMinimumWidth(560);
}

app::NotificationEndpointInput NotificationEndpointEditor::input() const
{
    app::NotificationEndpointInput in;
    in.name = m_name->text().trimmed();
    in.url = m_url->text().trimmed();
    in.format = m_format->currentData().toString();
    if (m_expiring->isChecked()) {
        in.events.append(u"credential.expiring"_s);
        for (const auto& [d, box] : m_days) {
            if (box->isChecked())
                in.expiringDays.append(d);
        }
    }
    for (const auto& [event, box] : m_events) {
        if (box->isChecked())
            in.events.append(event);
    }
    return in;
}

void NotificationEndpointEditor::showErrors(const QJsonObject& details, const QString& message)
{
    QStringList lines;
    const QList<QPair<QString, QString>> fields = {{u"name"_s, tr("Name")},
                                                   {u"url"_s, tr("Address")},
                                                   {u"format"_s, tr("Format")},
                                                   {u"events"_s, tr("Events")},
                                                   {u"expiringDays"_s, tr("Days before")},
                                                   {u"endpoints"_s, tr("Endpoints")}};
    for (const auto& [field, label] : fields) {
        if (details.contains(field))
            lines.append(tr("%1: %2").arg(label, details.value(field).toString()));
    }
    m_error->setText(lines.isEmpty() ? message : lines.join(u'\n'));
    m_error->show();
    if (details.contains(u"url"_s))
        m_url->setFocus();
    else if (details.contains(u"name"_s))
        m_name->setFocus();
}

void NotificationEndpointEditor::setBusy(bool busy)
{
    m_ok->setEnabled(!busy);
}

void NotificationEndpointEditor::accept()
{
    const app::NotificationEndpointInput in = input();
    QJsonObject problems;
    if (in.name.isEmpty())
        problems.insert(u"name"_s, tr("Give the endpoint a name."));
    if (in.url.isEmpty() && !m_editing)
        problems.insert(u"url"_s, tr("Enter the address that receives the notifications."));
    if (in.events.isEmpty())
        problems.insert(u"events"_s, tr("Choose at least one event."));
    else if (in.events.contains(u"credential.expiring"_s) && in.expiringDays.isEmpty())
        problems.insert(u"expiringDays"_s, tr("Choose when to announce an expiry."));
    if (!problems.isEmpty()) {
        showErrors(problems, {});
        return;
    }
    m_error->hide();
    if (submit)
        submit(in);
}

} // namespace td::ui
