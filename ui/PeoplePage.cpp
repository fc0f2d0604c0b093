#include "PeoplePage.h"

#include "Banner.h"
#include "CredentialsPage.h"
#include "Delegates.h"
#include "ElidedLabel.h"
#include "Icons.h"
#include "SecretDialog.h"
#include "app/ApiClient.h"
#include "app/Jobs.h"
#include "app/Palette.h"

#include <QAction>
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
#include <QPointer>
#include <QPushButton>
#include <QSet>
#include <QSignalBlocker>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace td::ui {

namespace {

constexpr int IdRole = Qt::UserRole + 1;   // column 0: the person's id
constexpr int SortRole = Qt::UserRole + 2; // any column: what it sorts by, when not its text

// Sorts by SortRole where a column has one (times, counts), else by text.
class PersonItem final : public QTreeWidgetItem
{
public:
    using QTreeWidgetItem::QTreeWidgetItem;
    bool operator<(const QTreeWidgetItem& other) const override
    {
        const int column = treeWidget() ? treeWidget()->sortColumn() : 0;
        const QVariant a = data(column, SortRole);
        const QVariant b = other.data(column, SortRole);
        if (a.isValid() && b.isValid())
            return QVariant::compare(a, b) == QPartialOrdering::Less;
        return text(column).localeAwareCompare(other.text(column)) < 0;
    }
};

QString when(const QDateTime& at)
{
    return QLocale().toString(at.toLocalTime(), QLocale::ShortFormat);
}

QColor statusColor(const QString& status)
{
    if (status == u"active"_s)
        return app::palette::good();
    if (status == u"invited"_s)
        return app::palette::warning();
    return app::palette::inactive();
}

} // namespace

QString PeoplePage::roleText(const QString& role)
{
    if (role == u"admin"_s)
        return tr("Admin");
    if (role == u"member"_s)
        return tr("Member");
    return role;
}

QString PeoplePage::statusText(const QString& status)
{
    if (status == u"active"_s)
        return tr("Active");
    if (status == u"invited"_s)
        return tr("Invited");
    if (status == u"disabled"_s)
        return tr("Disabled");
    return status;
}

PeoplePage::PeoplePage(app::ApiClient* client, app::ClipboardGuard* clipboard, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
    , m_clipboard(clipboard)
{
    setObjectName(u"peoplePage"_s);
    auto* layout = new QVBoxLayout(this);

    auto* toolbar = new QToolBar(this);
    toolbar->setObjectName(u"peopleToolbar"_s);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    auto makeAction = [&](const QString& name, const QString& text, const QString& icon) {
        auto* action = new QAction(themedIcon(icon), text, this);
        action->setObjectName(name);
        toolbar->addAction(action);
        return action;
    };
    m_inviteAction = makeAction(u"inviteAction"_s, tr("&Invite…"), u"list-add"_s);
    m_roleAction = makeAction(u"roleAction"_s, tr("Make &admin…"), u"security-high"_s);
    m_disableAction = makeAction(u"disableAction"_s, tr("&Disable…"), u"media-playback-pause"_s);
    m_removeAction = makeAction(u"removeAction"_s, tr("&Remove…"), u"edit-delete"_s);
    toolbar->addSeparator();
    m_refreshAction = makeAction(u"refreshAction"_s, tr("Re&fresh"), u"view-refresh"_s);
    if (auto* button = qobject_cast<QToolButton*>(toolbar->widgetForAction(m_refreshAction))) {
        button->setToolButtonStyle(Qt::ToolButtonIconOnly); // like the credential pages: the name is the tooltip
        button->setAccessibleName(QString(m_refreshAction->text()).remove(u'&'));
    }
    // The actions keep their room (no overflow menu); the summary beside them gives way and elides.
    toolbar->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    m_summary = new ElidedLabel(this);
    m_summary->setObjectName(u"peopleSummary"_s);
    m_summary->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    auto* top = new QHBoxLayout;
    top->addWidget(toolbar);
    top->addWidget(m_summary, 1);
    layout->addLayout(top);

    m_banner = new Banner(u"peopleBanner"_s, u"peopleBannerText"_s, u"peopleRetryButton"_s, this);
    layout->addWidget(m_banner);

    m_list = new QTreeWidget(this);
    m_list->setObjectName(u"peopleList"_s);
    m_list->setAccessibleName(tr("People"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setHeaderLabels(
        {tr("Name"), tr("E-mail"), tr("Role"), tr("Status"), tr("Last sign-in"), tr("Credentials")});
    m_list->headerItem()->setToolTip(CredentialsColumn,
                                     tr("The credentials this person owns or made: UATs, private tokens, API keys"));
    m_list->headerItem()->setTextAlignment(CredentialsColumn, Qt::AlignRight | Qt::AlignVCenter);
    m_list->setItemDelegateForColumn(StatusColumn, new StatusChipDelegate(m_list));
    // Name and e-mail share what the columns of short values leave; those fit their values (and headers) in any
    // language, dates in the locale's format included.
    QHeaderView* header = m_list->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(NameColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(EmailColumn, QHeaderView::Stretch);
    m_list->setColumnWidth(NameColumn, 180);
    m_list->setSortingEnabled(true);
    m_list->sortByColumn(NameColumn, Qt::AscendingOrder);
    m_list->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_list->addActions({m_roleAction, m_disableAction, m_removeAction});
    layout->addWidget(m_list, 1);

    m_revokeBox =
        new QCheckBox(tr("Re&voke a person's UATs and private tokens when they are disabled or removed"), this);
    m_revokeBox->setObjectName(u"revokeOnOffboardingCheck"_s);
    m_revokeBox->setEnabled(false); // until the setting is known
    layout->addWidget(m_revokeBox);
    m_revokeHint = new QLabel(this);
    m_revokeHint->setObjectName(u"revokeOnOffboardingHint"_s);
    m_revokeHint->setWordWrap(true);
    m_revokeHint->setContentsMargins(20, 0, 0, 0); // under the check box's text
    QFont small = m_revokeHint->font();
    if (small.pointSizeF() > 0) {
        small.setPointSizeF(small.pointSizeF() * 0.9);
        m_revokeHint->setFont(small);
    }
    layout->addWidget(m_revokeHint);
    m_result = new QLabel(this);
    m_result->setObjectName(u"peopleResult"_s);
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_result);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &PeoplePage::updateActions);
    connect(m_inviteAction, &QAction::triggered, this, &PeoplePage::invite);
    connect(m_roleAction, &QAction::triggered, this, &PeoplePage::changeRole);
    connect(m_disableAction, &QAction::triggered, this, &PeoplePage::toggleDisabled);
    connect(m_removeAction, &QAction::triggered, this, &PeoplePage::removeSelected);
    connect(m_refreshAction, &QAction::triggered, this, &PeoplePage::reload);
    // Only what the user does (clicked), never what reload() sets, goes to the server.
    connect(m_revokeBox, &QCheckBox::clicked, this, &PeoplePage::setRevokeOnOffboarding);
    m_summary->setText(tr("Not loaded yet."));
    setRevokeOnOffboarding(false); // no-op until loaded: only the hint's text
    updateActions();
}

QString PeoplePage::resultText() const
{
    return m_result->text();
}

void PeoplePage::setResult(const QString& text)
{
    m_result->setText(text);
}

void PeoplePage::begin()
{
    ++m_pending;
    updateActions();
}

void PeoplePage::end()
{
    --m_pending;
    updateActions();
}

void PeoplePage::reload()
{
    const int generation = ++m_generation;
    begin();
    m_banner->showBusy(tr("Reading the people of this tenant…"));
    auto* job = new app::PeopleJob(m_client, this);
    app::runJob(job, this, [this, job, generation] {
        end();
        if (generation != m_generation)
            return; // a later reload answers
        if (!job->error().ok()) {
            m_banner->showError(
                tr("The people could not be read. %1").arg(job->error().userMessage()), [this] { reload(); },
                tr("Retry"));
            return;
        }
        m_banner->clear();
        m_people = job->people();
        m_revoke = job->revokeTokensOnOffboarding();
        m_loaded = true;
        {
            const QSignalBlocker blocker(m_revokeBox);
            m_revokeBox->setChecked(m_revoke);
        }
        populate();
    });
    if (m_selfId.isEmpty()) {
        // Who is signed in, to mark the row "you" (an API key is nobody).
        begin();
        auto* me = new app::MeJob(m_client, this);
        app::runJob(me, this, [this, me] {
            end();
            if (me->error().ok() && me->result().user) {
                m_selfId = me->result().user->id;
                populate();
            }
        });
    }
}

void PeoplePage::populate()
{
    const app::Person* current = selected();
    const QString keep = current ? current->id : QString();
    const QSignalBlocker blocker(m_list);
    m_list->setSortingEnabled(false);
    m_list->clear();
    QTreeWidgetItem* select = nullptr;
    const int rowHeight = m_list->fontMetrics().height() + 10;
    int invited = 0;
    int disabled = 0;
    for (const app::Person& p : std::as_const(m_people)) {
        auto* item = new PersonItem(m_list);
        item->setSizeHint(NameColumn, QSize(0, rowHeight)); // room for the status chip
        const QString name = p.displayName.isEmpty() ? p.email : p.displayName;
        item->setText(NameColumn, p.id == m_selfId ? tr("%1 (you)").arg(name) : name);
        item->setToolTip(NameColumn, p.username.isEmpty() ? name : tr("%1, user name %2").arg(name, p.username));
        item->setData(NameColumn, IdRole, p.id);
        item->setText(EmailColumn, p.email);
        item->setToolTip(EmailColumn, p.email);
        item->setText(RoleColumn, roleText(p.role));
        item->setText(StatusColumn, statusText(p.status));
        item->setForeground(StatusColumn, statusColor(p.status));
        if (p.isDisabled() && p.disabledAt.isValid())
            item->setToolTip(StatusColumn, tr("Disabled since %1").arg(when(p.disabledAt)));
        else if (p.isInvited())
            item->setToolTip(StatusColumn, tr("Invited; has not set a password yet"));
        item->setText(LastSignInColumn, p.lastLoginAt.isValid() ? when(p.lastLoginAt) : tr("Never"));
        item->setData(LastSignInColumn, SortRole, p.lastLoginAt.isValid() ? p.lastLoginAt.toMSecsSinceEpoch() : 0);
        item->setText(CredentialsColumn, QLocale().toString(p.credentials));
        item->setData(CredentialsColumn, SortRole, p.credentials);
        item->setTextAlignment(CredentialsColumn, Qt::AlignRight | Qt::AlignVCenter);
        if (p.isDisabled()) {
            for (int column : {NameColumn, EmailColumn, RoleColumn, LastSignInColumn, CredentialsColumn})
                item->setForeground(column, app::palette::inactive());
        }
        invited += p.isInvited() ? 1 : 0;
        disabled += p.isDisabled() ? 1 : 0;
        if (p.id == keep)
            select = item;
    }
    m_list->setSortingEnabled(true);
    if (select)
        m_list->setCurrentItem(select);
    QString summary = tr("%n person(s).", nullptr, int(m_people.size()));
    if (invited > 0)
        summary += u' ' + tr("%n invited.", nullptr, invited);
    if (disabled > 0)
        summary += u' ' + tr("%n disabled.", nullptr, disabled);
    m_summary->setText(summary);
    updateActions();
}

const app::Person* PeoplePage::selected() const
{
    const QList<QTreeWidgetItem*> items = m_list->selectedItems();
    if (items.isEmpty())
        return nullptr;
    const QString id = items.constFirst()->data(NameColumn, IdRole).toString();
    for (const app::Person& p : m_people) {
        if (p.id == id)
            return &p;
    }
    return nullptr;
}

void PeoplePage::updateActions()
{
    const app::Person* p = selected();
    const bool idle = m_pending == 0;
    const bool one = idle && p;
    m_inviteAction->setEnabled(idle && m_loaded);
    m_roleAction->setEnabled(one);
    m_disableAction->setEnabled(one && !(p->isInvited()));
    m_removeAction->setEnabled(one);
    m_refreshAction->setEnabled(idle);
    m_revokeBox->setEnabled(idle && m_loaded);
    const bool admin = p && p->isAdmin();
    const bool disabled = p && p->isDisabled();
    m_roleAction->setText(admin ? tr("Make &member…") : tr("Make &admin…"));
    m_disableAction->setText(disabled ? tr("&Enable") : tr("&Disable…"));
    m_disableAction->setIcon(themedIcon(disabled ? u"media-playback-start"_s : u"media-playback-pause"_s));
    // A change to yourself is refused by the server (409); say so before it is tried.
    const bool self = p && !m_selfId.isEmpty() && p->id == m_selfId;
    const QString yourself = tr("This is you: another admin must change your membership.");
    m_roleAction->setToolTip(self    ? yourself
                             : admin ? tr("Take admin from this person and from their tokens")
                                     : tr("Let this person manage every credential and person of this tenant"));
    m_disableAction->setToolTip(self                  ? yourself
                                : p && p->isInvited() ? tr("An invited person has not signed in yet: remove the "
                                                           "invitation instead")
                                : disabled            ? tr("Let this person sign in again")
                                                      : tr("End this person's sessions and stop their tokens"));
    m_removeAction->setToolTip(self ? yourself : tr("Remove this person from the tenant"));
    m_inviteAction->setToolTip(tr("Invite someone to this tenant by e-mail"));
    m_refreshAction->setToolTip(tr("Refresh"));
}

void PeoplePage::setRevokeOnOffboarding(bool revoke)
{
    const auto hint = [this](bool on) {
        m_revokeHint->setText(
            on ? tr("Their tokens are revoked outright: enabling or adding the person again does not bring them back. "
                    "API keys a person made stay either way: they belong to the tenant.")
               : tr("Otherwise their tokens only stop working while the person is disabled or removed, and work "
                    "again when they are enabled. API keys a person made stay either way: they belong to the "
                    "tenant."));
    };
    hint(revoke);
    if (!m_loaded || revoke == m_revoke)
        return;
    begin();
    auto* job = new app::TenantSettingsJob(m_client, revoke, this);
    app::runJob(job, this, [this, job, revoke, hint] {
        end();
        if (!job->error().ok()) {
            // Back to what the server has, and say why.
            const QSignalBlocker blocker(m_revokeBox);
            m_revokeBox->setChecked(m_revoke);
            hint(m_revoke);
            m_banner->showError(tr("The setting could not be changed. %1").arg(job->error().userMessage()));
            return;
        }
        m_revoke = job->revokeTokensOnOffboarding();
        const QSignalBlocker blocker(m_revokeBox);
        m_revokeBox->setChecked(m_revoke);
        hint(m_revoke);
        m_banner->clear();
        setResult(m_revoke ? tr("From now on, disabling or removing a person revokes their UATs and private tokens.")
                           : tr("From now on, a person's UATs and private tokens only stop working while they are "
                                "disabled or removed."));
    });
}

void PeoplePage::invite()
{
    if (!m_loaded)
        return;
    auto* dialog = new InvitePersonDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->submit = [this, dialog](const app::Invitation& invitation) {
        dialog->setBusy(true);
        begin();
        // The page runs the job: an invitation sent is shown even when the dialog was closed meanwhile.
        auto* job = new app::InvitePersonJob(m_client, invitation, this);
        app::runJob(job, this, [this, job, open = QPointer<InvitePersonDialog>(dialog)] {
            end();
            if (!job->error().ok()) {
                if (open) {
                    open->setBusy(false);
                    open->showErrors(job->error().details, job->error().userMessage());
                } else {
                    m_banner->showError(tr("The invitation failed. %1").arg(job->error().userMessage()));
                }
                return;
            }
            if (open)
                open->invited();
            const app::Person person = job->person();
            if (job->hasSetupToken()) {
                setResult(tr("Invited %1 (%2). Send them the setup token and this server's address; the token "
                             "works once, until %3.")
                              .arg(person.email, roleText(person.role), when(job->setupExpiresAt())));
                showSetupToken(person, job->takeSetupToken(), job->setupExpiresAt());
            } else {
                setResult(tr("Added %1 (%2): they have an account on this server already and sign in with their "
                             "own password.")
                              .arg(person.email, roleText(person.role)));
            }
            reload();
        });
    };
    dialog->open();
}

void PeoplePage::showSetupToken(const app::Person& person, QByteArray token, const QDateTime& until)
{
    auto* dialog = new SecretDialog(tr("Setup token"), person.email, token, m_clipboard, this);
    token.fill('\0');
    dialog->setObjectName(u"setupTokenDialog"_s);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    const QString server = m_client->baseUrl().toString(QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    dialog->setNote(tr("Send this setup token to %1 together with the server's address, %2. With it they choose "
                       "their own password (POST %2/api/v1/auth/setup); it works once, until %3. Then they sign in "
                       "with their e-mail address and that password.")
                        .arg(person.email, server, when(until)));
    dialog->open();
}

void PeoplePage::changeRole()
{
    if (const app::Person* p = selected())
        prepare(p->isAdmin() ? Change::Demote : Change::Promote);
}

void PeoplePage::toggleDisabled()
{
    if (const app::Person* p = selected())
        prepare(p->isDisabled() ? Change::Enable : Change::Disable);
}

void PeoplePage::removeSelected()
{
    if (selected())
        prepare(Change::Remove);
}

void PeoplePage::prepare(Change change)
{
    const app::Person* p = selected();
    if (!p || isBusy())
        return;
    const app::Person person = *p;
    if (change == Change::Enable) {
        run(change, person);
        return;
    }
    if (change == Change::Promote) {
        confirm(change, person, {}, m_revoke);
        return;
    }
    // What happens to their tokens is said from what the server has now, and so is the tenant's setting.
    begin();
    m_banner->showBusy(tr("Reading the tokens of %1…").arg(person.email));
    auto* job = new app::PersonJob(m_client, person.id, this);
    app::runJob(job, this, [this, job, change, person] {
        if (!job->error().ok()) {
            end();
            m_banner->showError(
                tr("The tokens of %1 could not be read. %2").arg(person.email, job->error().userMessage()));
            return;
        }
        const app::Person now = job->person();
        const QList<app::PersonToken> tokens = job->tokens();
        const bool stale =
            (change == Change::Demote && !now.isAdmin()) || (change == Change::Disable && now.isDisabled());
        if (stale) {
            end();
            m_banner->clear();
            setResult(tr("%1 was changed meanwhile; the list is read again.").arg(person.email));
            reload();
            return;
        }
        if (change == Change::Demote) {
            end();
            m_banner->clear();
            confirm(change, now, tokens, m_revoke);
            return;
        }
        auto* settings = new app::TenantSettingsJob(m_client, std::nullopt, this);
        app::runJob(settings, this, [this, settings, change, now, tokens] {
            end();
            if (!settings->error().ok()) {
                m_banner->showError(
                    tr("The tenant's settings could not be read. %1").arg(settings->error().userMessage()));
                return;
            }
            m_banner->clear();
            if (settings->revokeTokensOnOffboarding() != m_revoke) {
                m_revoke = settings->revokeTokensOnOffboarding();
                const QSignalBlocker blocker(m_revokeBox);
                m_revokeBox->setChecked(m_revoke);
                setRevokeOnOffboarding(m_revoke); // the hint only: it equals m_revoke now
            }
            confirm(change, now, tokens, m_revoke);
        });
    });
}

void PeoplePage::confirm(Change change, const app::Person& person, const QList<app::PersonToken>& tokens, bool revoke)
{
    const QString who = person.email.toHtmlEscaped();
    const int n = int(tokens.size());
    const QString list = CredentialsPage::nameList(app::tokenLabels(tokens));
    const auto paragraph = [](const QString& text) -> QString {
        return u"<p>"_s + text + u"</p>"_s;
    };
    QString title;
    QString text;
    QString button;
    QString name;
    switch (change) {
    case Change::Disable:
        title = tr("Disable person");
        button = tr("Disable");
        name = u"disablePerson"_s;
        text = paragraph(tr("Disable %1? Their sessions in this tenant end now, and they cannot sign in to it until "
                            "you enable them again.")
                             .arg(who));
        if (n == 0)
            text += paragraph(tr("They have no UATs or private tokens."));
        else if (revoke)
            text += paragraph(tr(
                        "Their %n token(s) are revoked; enabling them again does not bring them back:", nullptr, n)) +
                    list;
        else
            text += paragraph(tr("Their %n token(s) stop working until you enable them again:", nullptr, n)) + list;
        text += paragraph(tr("API keys they made stay: they belong to the tenant."));
        break;
    case Change::Remove:
        title = tr("Remove person");
        button = tr("Remove");
        name = u"removePerson"_s;
        text = paragraph(person.isInvited()
                             ? tr("Remove %1 from this tenant? They were invited and have not signed in yet; they "
                                  "will not be able to.")
                                   .arg(who)
                             : tr("Remove %1 from this tenant? Their sessions here end now, and they can no longer "
                                  "sign in to it.")
                                   .arg(who));
        if (n == 0)
            text += paragraph(tr("They have no UATs or private tokens."));
        else if (revoke)
            text += paragraph(tr("Their %n token(s) are revoked:", nullptr, n)) + list;
        else
            text += paragraph(tr("Their %n token(s) stop working:", nullptr, n)) + list;
        text += paragraph(tr("API keys they made stay: they belong to the tenant, and the Risk review lists them as "
                             "made by someone who left."));
        break;
    case Change::Demote:
        title = tr("Make member");
        button = tr("Make member");
        name = u"demotePerson"_s;
        text = paragraph(tr("Make %1 a member? They can no longer manage this tenant's credentials and people; they "
                            "keep managing their own UATs and private tokens.")
                             .arg(who));
        text += n == 0 ? paragraph(tr("They have no UATs or private tokens."))
                       : paragraph(tr("Their %n token(s) lose admin at once:", nullptr, n)) + list;
        break;
    case Change::Promote:
        title = tr("Make admin");
        button = tr("Make admin");
        name = u"promotePerson"_s;
        text = paragraph(
            tr("Make %1 an admin? They can then manage every credential and every person of this tenant, and so "
               "can their tokens that hold admin.")
                .arg(who));
        break;
    case Change::Enable:
        return;
    }
    const bool destructive = change == Change::Disable || change == Change::Remove;
    auto* box = new QMessageBox(destructive ? QMessageBox::Warning : QMessageBox::Question, title, text,
                                QMessageBox::Cancel, this);
    box->setObjectName(name + u"Confirm"_s);
    box->setTextFormat(Qt::RichText);
    QPushButton* go = box->addButton(button, destructive ? QMessageBox::DestructiveRole : QMessageBox::AcceptRole);
    go->setObjectName(u"confirm"_s + name.at(0).toUpper() + name.mid(1) + u"Button"_s);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, go, change, person](QAbstractButton* clicked) {
        if (clicked == go)
            run(change, person);
    });
    box->open();
}

void PeoplePage::run(Change change, const app::Person& person)
{
    app::ChangePersonJob::Change request{std::nullopt, std::nullopt, false};
    switch (change) {
    case Change::Promote:
        request.role = u"admin"_s;
        break;
    case Change::Demote:
        request.role = u"member"_s;
        break;
    case Change::Disable:
        request.disabled = true;
        break;
    case Change::Enable:
        request.disabled = false;
        break;
    case Change::Remove:
        request.remove = true;
        break;
    }
    begin();
    m_banner->showBusy(tr("Changing %1…").arg(person.email));
    auto* job = new app::ChangePersonJob(m_client, person.id, request, this);
    app::runJob(job, this, [this, job, change, person] {
        if (!job->error().ok()) {
            end();
            // A 409 (your own membership, the tenant's last admin) says why in the server's words.
            m_banner->showError(tr("%1 was not changed. %2").arg(person.email, job->error().userMessage()));
            return;
        }
        m_banner->clear();
        finished(change, person, job);
        reload();
        end();
    });
}

void PeoplePage::finished(Change change, const app::Person& person, const app::ChangePersonJob* job)
{
    const QList<app::PersonToken>& tokens = job->tokens();
    const int n = int(tokens.size());
    const QString list = app::tokenLabels(tokens).join(u", "_s);
    const QString who = person.email;
    switch (change) {
    case Change::Disable:
        setResult(job->tokensRevoked() ? tr("Disabled %1. Revoked their %n token(s): %2", nullptr, n).arg(who, list)
                  : n > 0
                      ? tr("Disabled %1. Their %n token(s) stop working until they are enabled again: %2", nullptr, n)
                            .arg(who, list)
                      : tr("Disabled %1. They had no UATs or private tokens.").arg(who));
        break;
    case Change::Enable:
        setResult(n > 0 ? tr("Enabled %1. Their %n token(s) work again: %2", nullptr, n).arg(who, list)
                        : tr("Enabled %1.").arg(who));
        break;
    case Change::Remove:
        setResult(
            job->tokensRevoked()
                ? tr("Removed %1 from the tenant. Revoked their %n token(s): %2", nullptr, n).arg(who, list)
            : n > 0 ? tr("Removed %1 from the tenant. Their %n token(s) stopped working: %2", nullptr, n).arg(who, list)
                    : tr("Removed %1 from the tenant.").arg(who));
        break;
    case Change::Demote:
        setResult(n > 0 ? tr("%1 is a member now. Their %n token(s) lost admin: %2", nullptr, n).arg(who, list)
                        : tr("%1 is a member now.").arg(who));
        break;
    case Change::Promote:
        setResult(tr("%1 is an admin now.").arg(who));
        break;
    }
    if (job->tokensRevoked()) {
        QSet<int> kinds;
        for (const app::PersonToken& t : tokens) {
            if (const app::CredentialKindInfo* info = protocol::kindByWireName(t.kind))
                kinds.insert(int(info->kind));
        }
        for (int kind : std::as_const(kinds))
            emit credentialsChanged(app::CredentialKind(kind));
    }
}

InvitePersonDialog::InvitePersonDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(u"invitePersonDialog"_s);
    setWindowTitle(tr("Invite a person"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Someone new to this server gets an account without a password and a setup token, "
                                "shown once, with which they choose their own password. Someone who has an account "
                                "here already is added to this tenant."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    // Each field with its error under it (hidden until the server or the check names that field).
    const auto field = [this](QWidget* input, QLabel** error, const QString& name) {
        auto* box = new QWidget(this);
        auto* boxLayout = new QVBoxLayout(box);
        boxLayout->setContentsMargins(0, 0, 0, 0);
        boxLayout->setSpacing(2);
        boxLayout->addWidget(input);
        *error = new QLabel(box);
        (*error)->setObjectName(name);
        (*error)->setWordWrap(true);
        (*error)->setStyleSheet(u"color: %1;"_s.arg(app::palette::bad().name()));
        (*error)->hide();
        boxLayout->addWidget(*error);
        return box;
    };
    auto* form = new QFormLayout;
    m_email = new QLineEdit(this);
    m_email->setObjectName(u"inviteEmail"_s);
    m_email->setMaxLength(254);
    m_email->setPlaceholderText(tr("name@example.com"));
    form->addRow(tr("&E-mail:"), field(m_email, &m_emailError, u"inviteEmailError"_s));
    m_role = new QComboBox(this);
    m_role->setObjectName(u"inviteRole"_s);
    m_role->addItem(tr("Member: manages their own UATs and private tokens"), u"member"_s);
    m_role->addItem(tr("Admin: manages every credential and person of this tenant"), u"admin"_s);
    form->addRow(tr("&Role:"), field(m_role, &m_roleError, u"inviteRoleError"_s));
    m_displayName = new QLineEdit(this);
    m_displayName->setObjectName(u"inviteDisplayName"_s);
    m_displayName->setMaxLength(100);
    m_displayName->setPlaceholderText(tr("Optional: the part of the address before @"));
    form->addRow(tr("&Name:"), field(m_displayName, &m_displayNameError, u"inviteDisplayNameError"_s));
    layout->addLayout(form);
    m_error = new QLabel(this);
    m_error->setObjectName(u"inviteError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: %1;"_s.arg(app::palette::bad().name()));
    m_error->hide();
    layout->addWidget(m_error);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setObjectName(u"inviteButton"_s);
    m_ok->setText(tr("Invite"));
    connect(buttons, &QDialogButtonBox::accepted, this, &InvitePersonDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    setMinimumWidth(480);
}

app::Invitation InvitePersonDialog::invitation() const
{
    app::Invitation in;
    in.email = m_email->text().trimmed();
    in.role = m_role->currentData().toString();
    in.displayName = m_displayName->text().trimmed();
    return in;
}

void InvitePersonDialog::showErrors(const QJsonObject& details, const QString& message)
{
    const QList<QPair<QString, QLabel*>> fields = {
        {u"email"_s, m_emailError}, {u"role"_s, m_roleError}, {u"displayName"_s, m_displayNameError}};
    bool any = false;
    for (const auto& [key, label] : fields) {
        const QString text = details.value(key).toString();
        label->setText(text);
        label->setVisible(!text.isEmpty());
        any = any || !text.isEmpty();
    }
    m_error->setText(any ? QString() : message);
    m_error->setVisible(!any && !message.isEmpty());
    // Grow to show the messages rather than squeeze the fields.
    layout()->activate();
    if (height() < sizeHint().height())
        resize(width(), sizeHint().height());
    if (details.contains(u"email"_s))
        m_email->setFocus();
    else if (details.contains(u"displayName"_s))
        m_displayName->setFocus();
}

void InvitePersonDialog::setBusy(bool busy)
{
    m_ok->setEnabled(!busy);
}

void InvitePersonDialog::accept()
{
    const app::Invitation in = invitation();
    const qsizetype at = in.email.indexOf(u'@');
    if (at <= 0 || at == in.email.size() - 1 || in.email.contains(u' ')) {
        showErrors({{u"email"_s, tr("Enter the person's e-mail address.")}}, {});
        return;
    }
    showErrors({}, {});
    if (submit)
        submit(in);
}

} // namespace td::ui
