// The People page (issue 17) against the real server, offscreen, driven by mouse and key events: invite (the setup
// token shown once; the person sets a password with it and signs in), disable a person whose UAT the confirmation
// names (the server refuses it, Enable brings it back), the tenant's revoke-on-offboarding setting (and its revert
// when the server cannot be reached), demote, remove (an existing account is only added back), and the server's 409
// for a change to your own membership.
#include "GuiHelpers.h"
#include "TestServer.h"

#include "app/ApiClient.h"
#include "app/ClipboardGuard.h"
#include "app/Jobs.h"
#include "app/PeopleJobs.h"
#include "protocol/CredentialKind.h"
#include "ui/Banner.h"
#include "ui/PeoplePage.h"
#include "ui/SecretDialog.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>

#include <memory>

using namespace Qt::StringLiterals;
using namespace td;
using td::test::Headers;
using td::test::HttpResult;
using td::test::TestServer;
using td::test::waitForWidget;
using td::ui::PeoplePage;

namespace {

constexpr auto Password = "a long enough pass phrase";

struct Uat
{
    QString id;
    QByteArray secret;
    QString label; // "name (prefix…last4)"
};

} // namespace

class TestPeople : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<app::ApiClient> m_client;
    std::unique_ptr<app::ClipboardGuard> m_clipboard;
    std::unique_ptr<QWidget> m_window;
    PeoplePage* m_page = nullptr;

    static void typeInto(QLineEdit* edit, const QString& text)
    {
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        if (text.isEmpty())
            QTest::keyClick(edit, Qt::Key_Delete);
        else
            QTest::keyClicks(edit, text);
    }

    QTreeWidget* list() const { return m_page->list(); }

    QTreeWidgetItem* row(const QString& email) const
    {
        for (int i = 0; i < list()->topLevelItemCount(); ++i) {
            if (list()->topLevelItem(i)->text(PeoplePage::EmailColumn) == email)
                return list()->topLevelItem(i);
        }
        return nullptr;
    }

    QString statusOf(const QString& email) const
    {
        const QTreeWidgetItem* item = row(email);
        return item ? item->text(PeoplePage::StatusColumn) : QString();
    }

    QAction* action(const char* name) const { return m_page->findChild<QAction*>(QString::fromLatin1(name)); }

    // Clicks the toolbar button of an action, as a user would.
    void click(const char* name)
    {
        auto* bar = m_page->findChild<QToolBar*>(u"peopleToolbar"_s);
        QVERIFY(bar);
        QWidget* button = bar->widgetForAction(action(name));
        QVERIFY2(button && button->isVisible(), name);
        QVERIFY2(button->isEnabled(), name);
        QTest::mouseClick(button, Qt::LeftButton);
    }

    void select(const QString& email)
    {
        QTreeWidgetItem* item = row(email);
        QVERIFY2(item, qPrintable(email));
        list()->scrollToItem(item);
        QTest::mouseClick(list()->viewport(), Qt::LeftButton, {}, list()->visualItemRect(item).center());
        QTRY_VERIFY(item->isSelected());
    }

    void refresh()
    {
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 10000);
        click("refreshAction");
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 10000);
    }

    // Waits for a confirmation, returns its text and clicks its confirm button.
    QString confirm(const QString& boxName, const QString& buttonName)
    {
        auto* box = waitForWidget<QMessageBox>(boxName);
        if (!box)
            return {};
        const QString text = box->text();
        auto* button = box->findChild<QPushButton*>(buttonName);
        if (!button)
            return {};
        QTest::mouseClick(button, Qt::LeftButton);
        return text;
    }

    // A person of the default tenant with a password, signed in; their session as a header.
    Headers person(const QString& email, const QString& role = u"member"_s)
    {
        if (!m_server->addUser(email, QString::fromLatin1(TestServer::DefaultTenant), role, Password))
            return {};
        return TestServer::bearer(m_server->login(email, Password).data().value(u"token"_s).toString());
    }

    Uat createUat(const Headers& auth, const QString& name)
    {
        const HttpResult r = m_server->post(
            u"/api/v1/uats"_s,
            {{u"name"_s, name},
             {u"permissions"_s, QJsonArray{u"brand_create"_s}},
             {u"validUntil"_s, QDateTime::currentDateTimeUtc().addDays(30).date().toString(Qt::ISODate)}},
            auth);
        if (r.status != 201)
            qWarning().noquote() << "UAT:" << describe(r);
        const QJsonObject uat = r.data().value(u"uat"_s).toObject();
        return {uat.value(u"id"_s).toString(), r.data().value(u"secret"_s).toString().toLatin1(),
                protocol::credentialLabel(name, uat.value(u"prefix"_s).toString(), uat.value(u"last4"_s).toString())};
    }

    int useUat(const Uat& uat)
    {
        return m_server->post(u"/api/v2/brands/"_s, {{u"name"_s, u"Acme"_s}}, {{"Authorization", "UAT " + uat.secret}})
            .status;
    }

    bool revokeSetting()
    {
        return m_server->get(u"/api/v1/tenant-settings"_s, m_server->admin())
            .data()
            .value(u"revokeTokensOnOffboarding"_s)
            .toBool();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TokenDeskTest"_s);
        QCoreApplication::setApplicationName(u"tst_people"_s);
    }

    void init()
    {
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        // The admin signs in as the console does (LoginJob), the token kept by the client only.
        m_client = std::make_unique<app::ApiClient>();
        m_client->setBaseUrl(m_server->url());
        app::LoginJob login(m_client.get(), QString::fromLatin1(TestServer::AdminEmail), TestServer::AdminPassword);
        QSignalSpy done(&login, &app::ApiJob::finished);
        login.start();
        QVERIFY(done.wait(30000));
        QVERIFY2(login.error().ok(), qPrintable(login.error().message));
        m_client->setAccessToken(login.result().token);
        m_client->setTenant(login.result().tenantId);
        m_clipboard = std::make_unique<app::ClipboardGuard>();

        // The page where the console puts it: right of a 200 px sidebar in a 1024x640 window.
        m_window = std::make_unique<QWidget>();
        auto* layout = new QHBoxLayout(m_window.get());
        layout->setContentsMargins(0, 0, 0, 0);
        auto* sidebar = new QWidget(m_window.get());
        sidebar->setFixedWidth(200);
        layout->addWidget(sidebar);
        m_page = new PeoplePage(m_client.get(), m_clipboard.get(), m_window.get());
        layout->addWidget(m_page, 1);
        m_window->resize(1024, 640);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        m_page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 15000);
        QCOMPARE(list()->topLevelItemCount(), 1);
    }

    void cleanup()
    {
        const auto widgets = QApplication::topLevelWidgets();
        for (QWidget* w : widgets) {
            if (auto* secret = qobject_cast<ui::SecretDialog*>(w))
                secret->setConfirmCloseAnswer(true);
            if (qobject_cast<QDialog*>(w) && w->isVisible())
                w->close(); // a dialog a failed test left open
        }
        m_window.reset();
        m_page = nullptr;
        m_clipboard.reset();
        m_client.reset();
        m_server.reset();
    }

    // The admin's own row: role, status, a sign-in, "you"; the actions follow the selection.
    void listsTheMembers()
    {
        const QString admin = QString::fromLatin1(TestServer::AdminEmail);
        QTreeWidgetItem* me = row(admin);
        QVERIFY(me);
        QVERIFY2(me->text(PeoplePage::NameColumn).endsWith(u"(you)"_s), qPrintable(me->text(PeoplePage::NameColumn)));
        QCOMPARE(me->text(PeoplePage::RoleColumn), u"Admin"_s);
        QCOMPARE(me->text(PeoplePage::StatusColumn), u"Active"_s);
        QVERIFY(me->text(PeoplePage::LastSignInColumn) != u"Never"_s); // the session of init()
        QCOMPARE(me->text(PeoplePage::CredentialsColumn), u"0"_s);
        QVERIFY(!action("removeAction")->isEnabled());
        select(admin);
        QVERIFY(action("removeAction")->isEnabled());
        QCOMPARE(action("roleAction")->text(), u"Make &member…"_s);

        // At 1024x640 every action is on screen (no overflow) and every column in view without scrolling.
        auto* bar = m_page->findChild<QToolBar*>(u"peopleToolbar"_s);
        for (const char* name : {"inviteAction", "roleAction", "disableAction", "removeAction", "refreshAction"}) {
            QWidget* button = bar->widgetForAction(action(name));
            QVERIFY2(button && button->isVisible(), name);
            QVERIFY2(button->geometry().right() <= bar->width(), name);
        }
        const auto* overflow = bar->findChild<QToolButton*>(u"qt_toolbar_ext_button"_s);
        QVERIFY(!overflow || !overflow->isVisible());
        QHeaderView* header = list()->header();
        QVERIFY(!list()->horizontalScrollBar()->isVisible());
        const int last = header->sectionViewportPosition(PeoplePage::CredentialsColumn) +
                         header->sectionSize(PeoplePage::CredentialsColumn);
        QVERIFY2(last <= list()->viewport()->width(),
                 qPrintable(u"%1 > %2"_s.arg(last).arg(list()->viewport()->width())));
    }

    void inviteShowsTheSetupTokenOnce()
    {
        click("inviteAction");
        const QPointer<ui::InvitePersonDialog> dialog = waitForWidget<ui::InvitePersonDialog>(u"invitePersonDialog"_s);
        QVERIFY(dialog);
        auto* email = dialog->findChild<QLineEdit*>(u"inviteEmail"_s);
        auto* emailError = dialog->findChild<QLabel*>(u"inviteEmailError"_s);
        auto* invite = dialog->findChild<QPushButton*>(u"inviteButton"_s);
        QCOMPARE(dialog->findChild<QComboBox*>(u"inviteRole"_s)->currentData().toString(), u"member"_s);

        // Not an address: said under the field, nothing sent.
        typeInto(email, u"carol"_s);
        QTest::mouseClick(invite, Qt::LeftButton);
        QVERIFY(emailError->isVisible());
        QVERIFY(dialog->isVisible());
        // A member already: the server's 400 under the field.
        typeInto(email, QString::fromLatin1(TestServer::AdminEmail));
        QTest::mouseClick(invite, Qt::LeftButton);
        QTRY_VERIFY(emailError->text().contains(u"already"_s));
        QVERIFY(emailError->isVisible());
        QVERIFY(dialog->isVisible());

        typeInto(email, u"carol@example.test"_s);
        typeInto(dialog->findChild<QLineEdit*>(u"inviteDisplayName"_s), u"Carol Example"_s);
        QTest::mouseClick(invite, Qt::LeftButton);
        auto* secret = waitForWidget<ui::SecretDialog>(u"setupTokenDialog"_s);
        QVERIFY(secret);
        QTRY_VERIFY(!dialog); // closed and gone once invited
        const QString token = secret->findChild<QLineEdit*>(u"secretEdit"_s)->text();
        QVERIFY2(token.startsWith(u"tds_"_s), qPrintable(token));
        const QString note = secret->findChild<QLabel*>(u"secretNote"_s)->text();
        QVERIFY2(note.contains(u"carol@example.test"_s) &&
                     note.contains(m_server->url().toString(QUrl::StripTrailingSlash)),
                 qPrintable(note));
        QTest::mouseClick(secret->findChild<QPushButton*>(u"copyButton"_s), Qt::LeftButton);
        QVERIFY(m_clipboard->isArmed());
        QTest::mouseClick(secret->findChild<QCheckBox*>(u"storedCheck"_s), Qt::LeftButton);
        QTest::mouseClick(secret->findChild<QDialogButtonBox*>(u"secretButtons"_s)->button(QDialogButtonBox::Close),
                          Qt::LeftButton);
        QTRY_VERIFY(!waitForWidget<ui::SecretDialog>(u"setupTokenDialog"_s, 0));
        QVERIFY(!td::test::allVisibleText().contains(token)); // shown once

        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 10000);
        QVERIFY(m_page->resultText().contains(u"carol@example.test"_s));
        QTreeWidgetItem* carol = row(u"carol@example.test"_s);
        QVERIFY(carol);
        QCOMPARE(carol->text(PeoplePage::NameColumn), u"Carol Example"_s);
        QCOMPARE(carol->text(PeoplePage::RoleColumn), u"Member"_s);
        QCOMPARE(carol->text(PeoplePage::StatusColumn), u"Invited"_s);
        QCOMPARE(carol->text(PeoplePage::LastSignInColumn), u"Never"_s);
        // An invited person is removed, not disabled.
        select(u"carol@example.test"_s);
        QVERIFY(!action("disableAction")->isEnabled());
        QVERIFY(action("removeAction")->isEnabled());

        // The person sets a password with the token, once, and signs in.
        const HttpResult setup = m_server->post(u"/api/v1/auth/setup"_s,
                                                {{u"token"_s, token}, {u"password"_s, QString::fromLatin1(Password)}});
        QCOMPARE(setup.status, 200);
        QCOMPARE(m_server->post(u"/api/v1/auth/setup"_s, {{u"token"_s, token}, {u"password"_s, u"another long pass"_s}})
                     .status,
                 401);
        QCOMPARE(m_server->login(u"carol@example.test"_s, Password).status, 200);
        refresh();
        QCOMPARE(statusOf(u"carol@example.test"_s), u"Active"_s);
        QVERIFY(row(u"carol@example.test"_s)->text(PeoplePage::LastSignInColumn) != u"Never"_s);
    }

    void disableStopsTheirTokensUntilEnabled()
    {
        const Headers dave = person(u"dave@example.test"_s);
        QVERIFY(!dave.isEmpty());
        const Uat deploy = createUat(dave, u"CI deploy"_s);
        QVERIFY(!deploy.id.isEmpty());
        QCOMPARE(useUat(deploy), 201);
        refresh();
        QCOMPARE(row(u"dave@example.test"_s)->text(PeoplePage::CredentialsColumn), u"1"_s);

        select(u"dave@example.test"_s);
        QCOMPARE(action("disableAction")->text(), u"&Disable…"_s);
        click("disableAction");
        const QString text = confirm(u"disablePersonConfirm"_s, u"confirmDisablePersonButton"_s);
        QVERIFY2(text.contains(u"dave@example.test"_s), qPrintable(text));
        QVERIFY2(text.contains(deploy.label), qPrintable(text));
        QVERIFY2(text.contains(u"stop working until you enable them again"_s), qPrintable(text));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(u"dave@example.test"_s), u"Disabled"_s, 10000);
        QTRY_VERIFY(!m_page->isBusy());
        QVERIFY2(m_page->resultText().contains(deploy.label), qPrintable(m_page->resultText()));
        QCOMPARE(useUat(deploy), 401);
        QCOMPARE(m_server->get(u"/api/v1/me"_s, dave).status, 401); // their session ended

        // Enable: no question; the token works again (it was not revoked).
        select(u"dave@example.test"_s);
        QCOMPARE(action("disableAction")->text(), u"&Enable"_s);
        click("disableAction");
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(u"dave@example.test"_s), u"Active"_s, 10000);
        QTRY_VERIFY(!m_page->isBusy());
        QVERIFY2(m_page->resultText().contains(deploy.label), qPrintable(m_page->resultText()));
        QCOMPARE(useUat(deploy), 201);
    }

    void theRevokeSettingFollowsTheCheckBox()
    {
        auto* box = m_page->findChild<QCheckBox*>(u"revokeOnOffboardingCheck"_s);
        QVERIFY(box && box->isEnabled());
        QVERIFY(!box->isChecked());
        QTest::mouseClick(box, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 10000);
        QVERIFY(box->isChecked());
        QVERIFY(revokeSetting());

        // Now a disable revokes, and the confirmation says so.
        const Headers erin = person(u"erin@example.test"_s);
        const Uat nightly = createUat(erin, u"Nightly import"_s);
        QVERIFY(!nightly.id.isEmpty());
        refresh();
        QSignalSpy changed(m_page, &PeoplePage::credentialsChanged);
        select(u"erin@example.test"_s);
        click("disableAction");
        const QString text = confirm(u"disablePersonConfirm"_s, u"confirmDisablePersonButton"_s);
        QVERIFY2(text.contains(nightly.label) && text.contains(u"are revoked"_s), qPrintable(text));
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(u"erin@example.test"_s), u"Disabled"_s, 10000);
        QCOMPARE(m_server->get(u"/api/v1/uats/"_s + nightly.id, m_server->admin())
                     .data()
                     .value(u"uat"_s)
                     .toObject()
                     .value(u"status"_s)
                     .toString(),
                 u"revoked"_s);
        QVERIFY(m_page->resultText().contains(u"Revoked"_s));
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).value<app::CredentialKind>(), app::CredentialKind::Uat);

        // Back off, by the check box.
        QTest::mouseClick(box, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 10000);
        QVERIFY(!box->isChecked());
        QVERIFY(!revokeSetting());

        // A change the server does not take is undone on screen, with the reason.
        m_server->stop();
        QTest::mouseClick(box, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->isBusy(), 30000);
        QVERIFY(!box->isChecked());
        auto* banner = m_page->findChild<ui::Banner*>(u"peopleBanner"_s);
        QVERIFY(banner->isVisible() && banner->isError());
        QVERIFY2(banner->text().contains(u"setting"_s), qPrintable(banner->text()));
    }

    void demoteNamesTheTokensThatLoseAdmin()
    {
        const Headers frank = person(u"frank@example.test"_s);
        const Uat brands = createUat(frank, u"Brands"_s);
        QVERIFY(!brands.id.isEmpty());
        refresh();
        select(u"frank@example.test"_s);
        QCOMPARE(action("roleAction")->text(), u"Make &admin…"_s);
        click("roleAction");
        QVERIFY(!confirm(u"promotePersonConfirm"_s, u"confirmPromotePersonButton"_s).isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(row(u"frank@example.test"_s)->text(PeoplePage::RoleColumn), u"Admin"_s, 10000);
        QTRY_VERIFY(!m_page->isBusy());

        select(u"frank@example.test"_s);
        QCOMPARE(action("roleAction")->text(), u"Make &member…"_s);
        click("roleAction");
        const QString text = confirm(u"demotePersonConfirm"_s, u"confirmDemotePersonButton"_s);
        QVERIFY2(text.contains(brands.label) && text.contains(u"lose admin"_s), qPrintable(text));
        QTRY_COMPARE_WITH_TIMEOUT(row(u"frank@example.test"_s)->text(PeoplePage::RoleColumn), u"Member"_s, 10000);
        QTRY_VERIFY(!m_page->isBusy());
        QVERIFY(m_page->resultText().contains(brands.label));
    }

    void removeNamesTheirTokens()
    {
        const Headers grace = person(u"grace@example.test"_s);
        const Uat one = createUat(grace, u"Reports"_s);
        const Uat two = createUat(grace, u"Backups"_s);
        QVERIFY(!one.id.isEmpty() && !two.id.isEmpty());
        refresh();
        select(u"grace@example.test"_s);
        click("removeAction");
        const QString text = confirm(u"removePersonConfirm"_s, u"confirmRemovePersonButton"_s);
        QVERIFY2(text.contains(one.label) && text.contains(two.label), qPrintable(text));
        QVERIFY2(text.contains(QRegularExpression(u"Their 2 token(s|\\(s\\)) stop working"_s)), qPrintable(text));
        QTRY_VERIFY_WITH_TIMEOUT(!row(u"grace@example.test"_s), 10000);
        QTRY_VERIFY(!m_page->isBusy());
        QVERIFY(m_page->resultText().contains(one.label) && m_page->resultText().contains(two.label));
        QCOMPARE(useUat(one), 401);
        QCOMPARE(useUat(two), 401);

        // Invited again: the account exists, so no setup token; they are only added.
        click("inviteAction");
        auto* dialog = waitForWidget<ui::InvitePersonDialog>(u"invitePersonDialog"_s);
        QVERIFY(dialog);
        typeInto(dialog->findChild<QLineEdit*>(u"inviteEmail"_s), u"grace@example.test"_s);
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"inviteButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(row(u"grace@example.test"_s), 10000);
        QTRY_VERIFY(!m_page->isBusy());
        QVERIFY2(m_page->resultText().startsWith(u"Added grace@example.test"_s), qPrintable(m_page->resultText()));
        QVERIFY(!waitForWidget<ui::SecretDialog>(u"setupTokenDialog"_s, 200));
    }

    void yourOwnMembershipIsRefused()
    {
        const QString admin = QString::fromLatin1(TestServer::AdminEmail);
        select(admin);
        click("disableAction");
        confirm(u"disablePersonConfirm"_s, u"confirmDisablePersonButton"_s);
        auto* banner = m_page->findChild<ui::Banner*>(u"peopleBanner"_s);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isError() && banner->isVisible(), 10000);
        QVERIFY2(banner->text().contains(u"You cannot change your own membership"_s), qPrintable(banner->text()));
        QTRY_VERIFY(!m_page->isBusy());
        QCOMPARE(statusOf(admin), u"Active"_s);
        QCOMPARE(m_server->get(u"/api/v1/users"_s, m_server->admin()).status, 200); // still an admin
    }
};

QTEST_MAIN(TestPeople)
#include "tst_people.moc"
