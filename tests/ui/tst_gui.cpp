// The console against the real server, offscreen: log in, generate, copy once, revoke, bulk revoke, rotate,
// filter, a stopped server, and the demo launcher. Each test stands alone: init() starts a server of its own and,
// but for the tests of logging in and of the demo, logs in to it through the login dialog with key and mouse events.
#include "GuiHelpers.h"
#include "TestServer.h"

#include "app/ApiClient.h"
#include "app/AuditModel.h"
#include "app/CredentialFilterModel.h"
#include "app/CredentialModel.h"
#include "app/DemoLauncher.h"
#include "app/Palette.h"
#include "app/Profiles.h"
#include "app/Session.h"
#include "ui/AppController.h"
#include "ui/AuditPage.h"
#include "ui/CredentialsPage.h"
#include "ui/Delegates.h"
#include "ui/ExpiryChooser.h"
#include "ui/ExpiryPage.h"
#include "ui/ExpiryTimeline.h"
#include "ui/GenerateDialog.h"
#include "ui/InspectorPage.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/NotificationsDialog.h"
#include "ui/RiskReviewPage.h"
#include "ui/RotateDialog.h"
#include "ui/SecretDialog.h"
#include "ui/Translations.h"
#include "ui/UsageView.h"

#include <QAction>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QCompleter>
#include <QDateEdit>
#include <QDateTimeEdit>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonArray>
#include <QJsonDocument>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QPointer>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QWidgetAction>

#include <cmath>
#include <csignal>

using namespace Qt::StringLiterals;
using namespace td;
using td::app::CredentialKind;
using td::app::CredentialModel;
using td::test::Headers;
using td::test::HttpResult;
using td::test::TestServer;
using td::test::waitForWidget;

class TestGui : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<TestServer> m_server;
    std::unique_ptr<QObject> m_translators; // a language's translators, for the tests that choose one
    std::unique_ptr<td::ui::AppController> m_controller;

    // Types text into a line edit as a user would: select what is there, then type over it.
    static void typeInto(QLineEdit* edit, const QString& text)
    {
        edit->setFocus();
        QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
        if (text.isEmpty())
            QTest::keyClick(edit, Qt::Key_Delete);
        else
            QTest::keyClicks(edit, text);
    }

    // Starts the console and logs in through its login dialog; the keys page is loaded afterwards.
    void logInThroughTheDialog(const QString& email = QString::fromLatin1(TestServer::AdminEmail),
                               const QString& password = QString::fromLatin1(TestServer::AdminPassword))
    {
        m_controller = std::make_unique<td::ui::AppController>();
        m_controller->start();
        auto* login = waitForWidget<td::ui::LoginDialog>(u"loginDialog"_s);
        QVERIFY(login);
        typeInto(login->findChild<QLineEdit*>(u"urlEdit"_s), m_server->url().toString());
        typeInto(login->findChild<QLineEdit*>(u"emailEdit"_s), email);
        typeInto(login->findChild<QLineEdit*>(u"secretEdit"_s), password);
        auto* environment = login->findChild<QComboBox*>(u"environmentCombo"_s);
        environment->setFocus();
        QTest::keyClick(environment, Qt::Key_End); // Development
        auto* connectButton = login->findChild<QPushButton*>(u"connectButton"_s);
        QVERIFY(connectButton->isEnabled());
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->mainWindow() && m_controller->mainWindow()->isVisible(), 15000);
        QTRY_VERIFY_WITH_TIMEOUT(!keysPage()->isBusy(), 10000);
    }

    QPair<QString, QString> createKey(const QString& name, const QStringList& scopes = {u"read:products"_s})
    {
        return m_server->createKey(name, scopes);
    }

    bool revokeKey(const QString& id)
    {
        return m_server->post(u"/api/v1/api-keys/"_s + id + u"/revoke"_s, {}, m_server->admin()).status == 200;
    }

    bool rotateKey(const QString& id)
    {
        return m_server->post(u"/api/v1/api-keys/"_s + id + u"/rotate"_s, {{u"graceSeconds"_s, 60}}, m_server->admin())
                   .status == 201;
    }

    td::ui::CredentialsPage* keysPage() { return m_controller->mainWindow()->page(CredentialKind::ApiKey); }

    void selectIds(td::ui::CredentialsPage* page, const QStringList& ids)
    {
        QTableView* view = page->view();
        view->clearSelection();
        for (int row = 0; row < page->proxy()->rowCount(); ++row) {
            if (ids.contains(page->proxy()->index(row, 0).data(CredentialModel::IdRole).toString()))
                view->selectionModel()->select(page->proxy()->index(row, 0),
                                               QItemSelectionModel::Select | QItemSelectionModel::Rows);
        }
    }

    QString statusOf(td::ui::CredentialsPage* page, const QString& id)
    {
        const int row = page->model()->rowOf(id);
        return row < 0 ? QString() : protocol::toString(page->model()->record(row).status);
    }

    void confirmRevoke()
    {
        auto* box = waitForWidget<QMessageBox>(u"revokeConfirm"_s);
        QVERIFY(box);
        auto* button = box->findChild<QPushButton*>(u"confirmRevokeButton"_s);
        QVERIFY(button);
        button->click();
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TokenDeskTest"_s);
        QCoreApplication::setApplicationName(u"tst_gui"_s);
    }

    void init()
    {
        QSettings().clear(); // no profile, no window state from the test before
        if (QByteArrayView(QTest::currentTestFunction()) == "layoutFitsIn1024x640") {
            // The console in the language of the data row, as main() sets it up.
            QSettings().setValue(u"language"_s, QString::fromLatin1(QTest::currentDataTag()));
            m_translators = std::make_unique<QObject>();
            td::ui::installTranslators(m_translators.get());
        }
        m_server = std::make_unique<TestServer>();
        QVERIFY(m_server->start());
        const QString test = QString::fromLatin1(QTest::currentTestFunction());
        if (test != u"logIn"_s && test != u"demoLauncherStartsAndStopsItsServer"_s &&
            test != u"crashedConsoleLeavesNoOrphanServer"_s && test != u"riskReviewNarrowsScopes"_s)
            logInThroughTheDialog();
    }

    void cleanup()
    {
        if (m_controller && m_controller->mainWindow())
            m_controller->mainWindow()->close();
        m_controller.reset();
        const auto widgets = QApplication::topLevelWidgets();
        for (QWidget* w : widgets) {
            if (qobject_cast<QDialog*>(w) && w->isVisible())
                w->close(); // a dialog a failed test left open
        }
        m_server.reset();
        if (m_translators) {
            m_translators.reset(); // uninstalls them
            QLocale::setDefault(QLocale::c());
        }
    }

    // At 1024x640, in each language: the columns that matter are in front and visible without scrolling, the page's
    // actions and Log out are all on screen (no overflow menu), long values elide with the whole value as tooltip, and
    // the details pane can be collapsed and wraps its values.
    void layoutFitsIn1024x640_data()
    {
        QTest::addColumn<QString>("language");
        for (const char* language : {"en", "de", "fr"})
            QTest::newRow(language) << QString::fromLatin1(language);
    }

    void layoutFitsIn1024x640()
    {
        const QString longName(70, u'W');
        m_server->createKey(
            longName, {u"read:products"_s, u"read:orders"_s, u"write:orders"_s},
            {{u"expiresAt"_s, QDateTime::currentDateTimeUtc().addDays(300).toString(Qt::ISODateWithMs)}});
        td::ui::MainWindow* window = m_controller->mainWindow();
        window->resize(1024, 640);
        td::ui::CredentialsPage* page = keysPage();
        QTest::keyClick(page->view(), Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(page->model()->rowCount(), 1, 10000);
        QTRY_COMPARE(window->size(), QSize(1024, 640));
        QApplication::processEvents();
        QTableView* view = page->view();
        QHeaderView* header = view->horizontalHeader();
        const QList<int> order{CredentialModel::Name,    CredentialModel::Key,         CredentialModel::Status,
                               CredentialModel::Expires, CredentialModel::LastUsed,    CredentialModel::Scopes,
                               CredentialModel::Created, CredentialModel::IpAllowlist, CredentialModel::Owner};
        QCOMPARE(header->count(), int(order.size()));
        for (int visual = 0; visual < header->count(); ++visual)
            QCOMPARE(header->logicalIndex(visual), order.at(visual));
        for (int column :
             {CredentialModel::Name, CredentialModel::Key, CredentialModel::Status, CredentialModel::Expires}) {
            const int right = header->sectionViewportPosition(column) + header->sectionSize(column);
            QVERIFY2(header->sectionViewportPosition(column) >= 0 && right <= view->viewport()->width(),
                     qPrintable(u"column %1 ends at %2 of %3"_s.arg(column).arg(right).arg(view->viewport()->width())));
            // What the column shows fits it (for the Name column, only its header: names elide).
            const QString title = page->proxy()->headerData(column, Qt::Horizontal).toString();
            QVERIFY2(header->fontMetrics().horizontalAdvance(title) < header->sectionSize(column), qPrintable(title));
            if (column != CredentialModel::Name) {
                const QString text = page->proxy()->index(0, column).data().toString();
                QVERIFY2(view->fontMetrics().horizontalAdvance(text) < header->sectionSize(column), qPrintable(text));
            }
        }
        // The long name elides in its cell; its tooltip is the whole name.
        QVERIFY(view->fontMetrics().horizontalAdvance(longName) > header->sectionSize(CredentialModel::Name));
        QCOMPARE(page->proxy()->index(0, CredentialModel::Name).data(Qt::ToolTipRole).toString(), longName);
        // Every action of the page's toolbar has its button on screen; none went to the "››" menu.
        auto* toolbar = page->findChild<QToolBar*>(u"pageToolbar"_s);
        for (QAction* action : toolbar->actions()) {
            QWidget* button = toolbar->widgetForAction(action);
            QVERIFY2(button && button->isVisible(), qPrintable(action->objectName()));
            QVERIFY(toolbar->rect().contains(button->geometry()));
        }
        // Log out is a button in the window, never in an overflow menu; the sidebar titles are whole.
        auto* logout = window->findChild<QToolButton*>(u"logoutButton"_s);
        QVERIFY(logout && logout->isVisible());
        const QRect logoutRect(logout->mapTo(window, QPoint(0, 0)), logout->size());
        QVERIFY2(window->rect().contains(logoutRect),
                 qPrintable(u"Log out at %1,%2"_s.arg(logoutRect.right()).arg(logoutRect.top())));
        auto* user = window->findChild<QLabel*>(u"userLabel"_s);
        QVERIFY(user->text().contains(QString::fromLatin1(TestServer::AdminEmail))); // the whole text, elided or not
        // The details pane: its values wrap (no horizontal scrolling), and it collapses with its toggle.
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(page->proxy()->index(0, 0)).center());
        auto* details = page->findChild<QTextBrowser*>(u"detailsPane"_s);
        QTRY_VERIFY(details->toPlainText().contains(longName));
        QVERIFY(details->isVisible());
        QCOMPARE(details->horizontalScrollBar()->maximum(), 0);
        const int tableWidth = view->width();
        QWidget* toggle = toolbar->widgetForAction(page->findChild<QAction*>(u"detailsAction"_s));
        QTest::mouseClick(toggle, Qt::LeftButton);
        QTRY_VERIFY(!details->isVisible());
        QTRY_VERIFY(view->width() > tableWidth);
        QTest::mouseClick(toggle, Qt::LeftButton);
        QTRY_VERIFY(details->isVisible());
    }

    void logIn()
    {
        m_controller = std::make_unique<td::ui::AppController>();
        m_controller->start();
        auto* login = waitForWidget<td::ui::LoginDialog>(u"loginDialog"_s);
        QVERIFY(login);
        auto* url = login->findChild<QLineEdit*>(u"urlEdit"_s);
        auto* email = login->findChild<QLineEdit*>(u"emailEdit"_s);
        auto* password = login->findChild<QLineEdit*>(u"secretEdit"_s);
        auto* environment = login->findChild<QComboBox*>(u"environmentCombo"_s);
        auto* connectButton = login->findChild<QPushButton*>(u"connectButton"_s);
        // http:// to a remote host is refused before anything is sent.
        typeInto(url, u"http://example.com"_s);
        typeInto(email, QString::fromLatin1(TestServer::AdminEmail));
        typeInto(password, QString::fromLatin1(TestServer::AdminPassword));
        QVERIFY(!connectButton->isEnabled());
        QVERIFY(login->findChild<QLabel*>(u"loginMessage"_s)->text().contains(u"https://"_s));
        typeInto(url, m_server->url().toString());
        // No environment is chosen for the user: Connect waits until one is.
        QCOMPARE(environment->currentIndex(), -1);
        QVERIFY(!connectButton->isEnabled());
        environment->setFocus();
        QTest::keyClick(environment, Qt::Key_Down);
        QTest::keyClick(environment, Qt::Key_Down);
        QCOMPARE(environment->currentIndex(), 1);
        QVERIFY(connectButton->isEnabled());
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_controller->mainWindow() && m_controller->mainWindow()->isVisible(), 15000);
        QVERIFY(m_controller->session()->isLoggedIn());
        QTRY_VERIFY_WITH_TIMEOUT(!keysPage()->isBusy(), 10000);
        auto* user = m_controller->mainWindow()->findChild<QLabel*>(u"userLabel"_s);
        QVERIFY(user->text().contains(QString::fromLatin1(TestServer::AdminEmail)));
        // The password is nowhere on screen any more.
        QVERIFY(!td::test::allVisibleText().contains(QString::fromLatin1(TestServer::AdminPassword)));
        // The focus is in the table, not on the tenant box (where an arrow key would switch tenant).
        QTRY_VERIFY(keysPage()->view()->hasFocus());
    }

    // Connection profiles: kept only after a sign-in that worked, unique names, the environment the user chose,
    // and Settings → Connections… to add, edit, duplicate and delete them.
    void connectionProfiles()
    {
        QList<td::app::ConnectionProfile> profiles = td::app::ProfileStore::load();
        QCOMPARE(profiles.size(), 1);
        QCOMPARE(profiles.constFirst().name, u"127.0.0.1"_s); // named after its server when left unnamed
        QVERIFY(profiles.constFirst().environment == td::app::ConnectionProfile::Environment::Development);
        ui::MainWindow* window = m_controller->mainWindow();
        QTest::mouseClick(window->findChild<QToolButton*>(u"logoutButton"_s), Qt::LeftButton);
        auto* login = waitForWidget<td::ui::LoginDialog>(u"loginDialog"_s);
        QVERIFY(login);
        // A new connection may not take an existing name.
        auto* profile = login->findChild<QComboBox*>(u"profileCombo"_s);
        profile->setFocus();
        QTest::keyClick(profile, Qt::Key_End); // New connection…
        typeInto(login->findChild<QLineEdit*>(u"urlEdit"_s), m_server->url().toString());
        auto* environment = login->findChild<QComboBox*>(u"environmentCombo"_s);
        environment->setFocus();
        QTest::keyClick(environment, Qt::Key_Home);
        typeInto(login->findChild<QLineEdit*>(u"emailEdit"_s), QString::fromLatin1(TestServer::AdminEmail));
        typeInto(login->findChild<QLineEdit*>(u"secretEdit"_s), u"wrong password"_s);
        auto* connectButton = login->findChild<QPushButton*>(u"connectButton"_s);
        QVERIFY(!connectButton->isEnabled());
        QVERIFY(login->findChild<QLabel*>(u"loginMessage"_s)->text().contains(u"exists already"_s));
        // Another name, a wrong password: refused, and no profile is left behind.
        typeInto(login->findChild<QLineEdit*>(u"profileNameEdit"_s), u"Second try"_s);
        QVERIFY(connectButton->isEnabled());
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(
            login->findChild<QLabel*>(u"loginMessage"_s)->text().contains(u"Invalid credentials"_s), 15000);
        QCOMPARE(td::app::ProfileStore::load().size(), 1);
        // The first profile again, with the right password: still one profile.
        profile->setFocus();
        QTest::keyClick(profile, Qt::Key_Home);
        typeInto(login->findChild<QLineEdit*>(u"secretEdit"_s), QString::fromLatin1(TestServer::AdminPassword));
        QTest::mouseClick(connectButton, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window->isVisible() && m_controller->session()->isLoggedIn(), 15000);
        QCOMPARE(td::app::ProfileStore::load().size(), 1);

        // Settings → Connections…
        window->findChild<QAction*>(u"connectionsAction"_s)->trigger();
        auto* dialog = waitForWidget<QDialog>(u"connectionsDialog"_s);
        QVERIFY(dialog);
        auto* list = dialog->findChild<QListWidget*>(u"connectionList"_s);
        QCOMPARE(list->count(), 1);
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"duplicateConnectionButton"_s), Qt::LeftButton);
        QCOMPARE(list->count(), 2);
        profiles = td::app::ProfileStore::load();
        QCOMPARE(profiles.size(), 2);
        QCOMPARE(profiles.at(1).name, u"127.0.0.1 (copy)"_s);
        QVERIFY(profiles.at(0).id != profiles.at(1).id);
        // Edit the copy: a taken name is refused, another is saved.
        QCOMPARE(list->currentRow(), 1);
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"editConnectionButton"_s), Qt::LeftButton);
        auto* editor = waitForWidget<td::ui::LoginDialog>(u"connectionEditor"_s);
        QVERIFY(editor);
        QVERIFY(!editor->findChild<QLineEdit*>(u"secretEdit"_s)->isVisible()); // no secret in the settings
        auto* name = editor->findChild<QLineEdit*>(u"profileNameEdit"_s);
        auto* save = editor->findChild<QPushButton*>(u"saveButton"_s);
        typeInto(name, u"127.0.0.1"_s);
        QVERIFY(!save->isEnabled());
        typeInto(name, u"Staging copy"_s);
        QVERIFY(save->isEnabled());
        QTest::mouseClick(save, Qt::LeftButton);
        QTRY_COMPARE(td::app::ProfileStore::load().at(1).name, u"Staging copy"_s);
        QVERIFY(list->item(1)->text().startsWith(u"Staging copy"_s));
        // Delete it (asks first).
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"deleteConnectionButton"_s), Qt::LeftButton);
        auto* confirm = waitForWidget<QMessageBox>(u"deleteConnectionConfirm"_s);
        QVERIFY(confirm);
        QTest::mouseClick(confirm->findChild<QPushButton*>(u"confirmDeleteConnectionButton"_s), Qt::LeftButton);
        QTRY_COMPARE(list->count(), 1);
        QCOMPARE(td::app::ProfileStore::load().size(), 1);
        QCOMPARE(td::app::ProfileStore::load().constFirst().name, u"127.0.0.1"_s);
        dialog->close();
    }

    void generateShowsTheSecretOnce()
    {
        td::ui::CredentialsPage* page = keysPage();
        const int before = page->model()->rowCount();
        page->findChild<QAction*>(u"generateAction"_s)->trigger();
        auto* dialog = waitForWidget<td::ui::GenerateDialog>(u"generateDialog"_s);
        QVERIFY(dialog);
        auto* ok = dialog->findChild<QPushButton*>(u"generateButton"_s);
        QVERIFY(!ok->isEnabled()); // nothing entered yet
        QVERIFY(!dialog->findChild<QLabel*>(u"reasonLabel"_s)->text().isEmpty());
        QTest::keyClicks(dialog->findChild<QLineEdit*>(u"nameEdit"_s), u"GUI generated"_s);
        QVERIFY(!ok->isEnabled()); // still no scope
        dialog->findChild<QCheckBox*>(u"scope_read:products"_s)->setChecked(true);
        dialog->findChild<QCheckBox*>(u"scope_write:products"_s)->setChecked(true);
        QVERIFY(!dialog->findChild<QCheckBox*>(u"scope_brand_create"_s)); // UAT permissions are not offered for keys
        // The allowlist is validated as you type.
        auto* allowlist = dialog->findChild<QPlainTextEdit*>(u"allowlistEdit"_s);
        allowlist->setPlainText(u"10.0.0.1/8"_s);
        QVERIFY(!ok->isEnabled());
        QVERIFY(dialog->findChild<QLabel*>(u"allowlistError"_s)->text().contains(u"10.0.0.0/8"_s));
        allowlist->setPlainText(u"127.0.0.0/8\n::1/128"_s);
        QVERIFY(ok->isEnabled());
        dialog->setExpiryPreset(td::ui::GenerateDialog::ExpiryPreset::Days30);
        ok->click();

        auto* secretDialog = waitForWidget<td::ui::SecretDialog>(u"secretDialog"_s);
        QVERIFY(secretDialog);
        const QString secret = secretDialog->findChild<QLineEdit*>(u"secretEdit"_s)->text();
        QVERIFY2(secret.startsWith(u"tdk_"_s) && secret.size() == 42, qPrintable(secret.left(4)));
        QTRY_COMPARE(page->model()->rowCount(), before + 1);
        // The secret works, and no model role holds it.
        QCOMPARE(m_server->get(u"/api/v1/products"_s, TestServer::apiKey(secret)).status, 200);
        QVERIFY(!td::test::allModelText(page->model()).contains(secret));
        QVERIFY(!td::test::allModelText(page->proxy()).contains(secret));
        // Copy marks it secret for clipboard managers.
        secretDialog->findChild<QPushButton*>(u"copyButton"_s)->click();
        const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
        QCOMPARE(mime->text(), secret);
        QCOMPARE(mime->data(u"x-kde-passwordManagerHint"_s), QByteArray("secret"));
        // Closing without confirming asks; saying no keeps the dialog.
        secretDialog->setConfirmCloseAnswer(false);
        secretDialog->reject();
        QVERIFY(secretDialog->isVisible());
        secretDialog->findChild<QCheckBox*>(u"storedCheck"_s)->setChecked(true);
        secretDialog->reject();
        QTRY_VERIFY(!waitForWidget<td::ui::SecretDialog>(u"secretDialog"_s, 200));
        // No later screen holds it.
        QVERIFY(!td::test::allVisibleText().contains(secret));
        const int row = page->model()->rowOf(page->model()->record(0).id);
        QCOMPARE(page->model()->record(row).scopes, (QStringList{u"read:products"_s, u"write:products"_s}));
        QVERIFY(page->model()->record(row).expiresAt.isValid());
    }

    void keyboardWorksFromTheSidebar()
    {
        ui::MainWindow* window = m_controller->mainWindow();
        td::ui::CredentialsPage* page = keysPage();
        auto* nav = window->findChild<QListWidget*>(u"navigation"_s);
        QVERIFY(nav);
        window->activateWindow();
        const auto fromSidebar = [&](QKeySequence::StandardKey key) {
            nav->setFocus();
            QVERIFY(nav->hasFocus());
            const QKeySequence keys(key);
            QTest::keySequence(nav, keys);
        };

        // Ctrl+F: the search field of the page shown.
        fromSidebar(QKeySequence::Find);
        QTRY_VERIFY(page->findChild<QLineEdit*>(u"searchEdit"_s)->hasFocus());

        // F5: the page loads again (a key made meanwhile appears).
        const auto key = createKey(u"made behind the console's back"_s);
        fromSidebar(QKeySequence::Refresh);
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowOf(key.first) >= 0, 10000);

        // Del: revoke what is selected (asks first; Escape says no).
        selectIds(page, {key.first});
        fromSidebar(QKeySequence::Delete);
        auto* box = waitForWidget<QMessageBox>(u"revokeConfirm"_s);
        QVERIFY(box);
        QTest::keyClick(box, Qt::Key_Escape);
        QTRY_VERIFY(!box->isVisible());
        QCOMPARE(statusOf(page, key.first), u"active"_s);

        // Ctrl+N: the Generate dialog.
        fromSidebar(QKeySequence::New);
        auto* dialog = waitForWidget<td::ui::GenerateDialog>(u"generateDialog"_s);
        QVERIFY(dialog);
        QTest::keyClick(dialog, Qt::Key_Escape);
        QTRY_VERIFY(!dialog->isVisible());

        // Enter in the Token Inspector checks the token on the server.
        window->showSupportPage(ui::MainWindow::SupportPage::Inspector);
        auto* token = window->inspectorPage()->findChild<QLineEdit*>(u"tokenEdit"_s);
        typeInto(token, key.second);
        QTest::keyClick(token, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            window->inspectorPage()->findChild<QLabel*>(u"serverReport"_s)->text().contains(u"made behind"_s), 10000);

        // Ctrl+Q quits (closes the window).
        auto* quit = window->findChild<QAction*>(u"quitAction"_s);
        QVERIFY(quit);
        QSignalSpy quitting(quit, &QAction::triggered);
        window->activateWindow(); // the dialogs above took the activation with them
        QTRY_VERIFY(window->isActiveWindow());
        nav->setFocus();
        QTest::keyClick(nav, Qt::Key_Q, Qt::ControlModifier);
        QCOMPARE(quitting.size(), 1);
        QTRY_VERIFY(!window->isVisible());
    }

    void exportWritesWhatTheFiltersShow()
    {
        td::ui::CredentialsPage* page = keysPage();
        const auto formula = createKey(u"=SUM(A1:A9)"_s);
        const auto revoked = createKey(u"export revoked"_s);
        QVERIFY(revokeKey(revoked.first));
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->model()->rowOf(revoked.first) >= 0, 10000);
        QTemporaryDir dir;
        // File → Export… (always in the menu, whatever fits in the toolbar), then the file name typed.
        const auto exportTo = [&](const QString& name) {
            ui::MainWindow* window = m_controller->mainWindow();
            auto* action = window->findChild<QAction*>(u"exportMenuAction"_s);
            QVERIFY(action && action->isEnabled());
            action->trigger();
            auto* dialog = waitForWidget<QFileDialog>(u"exportDialog"_s);
            QVERIFY(dialog);
            auto* fileName = dialog->findChild<QLineEdit*>(u"fileNameEdit"_s);
            QVERIFY(fileName);
            QVERIFY2(fileName->text().startsWith(u"api-keys-"_s) && fileName->text().endsWith(u".csv"_s),
                     qPrintable(fileName->text()));
            // The path as the dialog's own field takes it (typing a path opens Qt's completion list over the field,
            // which offscreen keeps the keys), then Enter, as a user saves.
            dialog->selectFile(dir.filePath(name));
            QCOMPARE(fileName->text(), name); // the dialog went into the folder
            QTest::keyClick(fileName, Qt::Key_Return);
            QTRY_VERIFY(QFile::exists(dir.filePath(name)));
        };
        exportTo(u"keys.csv"_s);
        QFile csv(dir.filePath(u"keys.csv"_s));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(u"\r\n"_s, Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), page->proxy()->rowCount() + 1);
        QVERIFY2(lines.at(0).startsWith(u"\"id\",\"kind\",\"name\""_s), qPrintable(lines.at(0)));
        QVERIFY(lines.at(0).contains(u"\"expiresAt\""_s) && lines.at(0).contains(u"\"lastUsedAt\""_s));
        const QString formulaLine = lines.filter(formula.first).value(0);
        QVERIFY2(formulaLine.contains(u"\"'=SUM(A1:A9)\""_s), qPrintable(formulaLine)); // defused
        QVERIFY(QRegularExpression(u"\"\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\""_s).match(formulaLine).hasMatch());
        QVERIFY(!formulaLine.contains(u"Never"_s)); // never is an empty cell
        QVERIFY(lines.filter(revoked.first).value(0).contains(u"\"revoked\""_s));
        QVERIFY(!lines.join(u'\n').contains(formula.second)); // no secret

        // JSON: the wire records, each readable as one; only what the filter shows.
        page->findChild<QLineEdit*>(u"searchEdit"_s)->setFocus();
        QTest::keyClicks(page->findChild<QLineEdit*>(u"searchEdit"_s), u"export revoked"_s);
        QCOMPARE(page->proxy()->rowCount(), 1);
        exportTo(u"shown.json"_s);
        QFile json(dir.filePath(u"shown.json"_s));
        QVERIFY(json.open(QIODevice::ReadOnly));
        const QJsonArray items = QJsonDocument::fromJson(json.readAll()).array();
        QCOMPARE(items.size(), 1);
        const auto record = protocol::ApiKeyDto::fromJson(items.at(0).toObject());
        QVERIFY(record);
        QCOMPARE(record->id, revoked.first);
        QVERIFY(record->status == protocol::KeyStatus::Revoked);
    }

    void editByDoubleClick()
    {
        td::ui::CredentialsPage* page = keysPage();
        const auto key = m_server->createKey(u"to be renamed"_s, {u"read:orders"_s},
                                             {{u"ipAllowlist"_s, QJsonArray{u"10.0.0.0/8"_s}}});
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->model()->rowOf(key.first) >= 0, 10000);
        selectIds(page, {key.first});
        // A double-click on the row opens Edit with what the key has.
        int proxyRow = -1;
        for (int row = 0; row < page->proxy()->rowCount(); ++row) {
            if (page->proxy()->index(row, 0).data(CredentialModel::IdRole).toString() == key.first)
                proxyRow = row;
        }
        QVERIFY(proxyRow >= 0);
        const QRect cell = page->view()->visualRect(page->proxy()->index(proxyRow, CredentialModel::Name));
        // A click, then the double-click (Qt's item views want the press of a double-click on a pressed index).
        QTest::mouseClick(page->view()->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(page->view()->viewport(), Qt::LeftButton, {}, cell.center());
        auto* dialog = waitForWidget<td::ui::GenerateDialog>(u"editDialog"_s);
        QVERIFY(dialog);
        auto* name = dialog->findChild<QLineEdit*>(u"nameEdit"_s);
        QCOMPARE(name->text(), u"to be renamed"_s);
        QCOMPARE(dialog->findChild<QPlainTextEdit*>(u"allowlistEdit"_s)->toPlainText(), u"10.0.0.0/8"_s);
        QVERIFY(dialog->findChild<QCheckBox*>(u"scope_read:orders"_s)->isChecked());
        QVERIFY(!dialog->findChild<QCheckBox*>(u"scope_read:orders"_s)->isEnabled()); // rights are fixed
        typeInto(name, u"renamed in the GUI"_s);
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"saveButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!waitForWidget<td::ui::GenerateDialog>(u"editDialog"_s, 100), 10000);
        QTRY_COMPARE(page->model()->record(page->model()->rowOf(key.first)).name, u"renamed in the GUI"_s);
        const HttpResult stored = m_server->get(u"/api/v1/api-keys/"_s + key.first, m_server->admin());
        QCOMPARE(stored.data().value(u"apiKey"_s).toObject().value(u"name"_s).toString(), u"renamed in the GUI"_s);
        QCOMPARE(stored.data().value(u"apiKey"_s).toObject().value(u"ipAllowlist"_s).toArray(),
                 QJsonArray{u"10.0.0.0/8"_s}); // unchanged, not sent

        // The context menu's Copy ID copies the id; a revoked key cannot be edited.
        auto* copyId = page->findChild<QAction*>(u"copyIdAction"_s);
        QVERIFY(copyId && page->view()->actions().contains(copyId));
        copyId->trigger();
        QCOMPARE(QGuiApplication::clipboard()->text(), key.first);
        QVERIFY(revokeKey(key.first));
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && statusOf(page, key.first) == u"revoked"_s, 10000);
        selectIds(page, {key.first});
        QVERIFY(!page->findChild<QAction*>(u"editAction"_s)->isEnabled());
    }

    // A name pasted from a terminal with a control character in it: the server refuses it; the message is beside
    // the name, the focus is in it, and Enter neither closes nor discards the form.
    void serverValidationErrorsAppearBesideTheField()
    {
        td::ui::CredentialsPage* page = keysPage();
        QTest::keyClick(page->view(), Qt::Key_N, Qt::ControlModifier);
        auto* dialog = waitForWidget<td::ui::GenerateDialog>(u"generateDialog"_s);
        QVERIFY(dialog);
        auto* scope = dialog->findChild<QCheckBox*>(u"scope_read:products"_s);
        scope->setFocus();
        QTest::keyClick(scope, Qt::Key_Space);
        QVERIFY(scope->isChecked());
        auto* name = dialog->findChild<QLineEdit*>(u"nameEdit"_s);
        QGuiApplication::clipboard()->setText(u"pasted\u0007bell"_s);
        name->setFocus();
        QTest::keyClick(name, Qt::Key_V, Qt::ControlModifier);
        QCOMPARE(name->text(), u"pasted\u0007bell"_s);
        auto* description = dialog->findChild<QLineEdit*>(u"descriptionEdit"_s);
        description->setFocus();
        QTest::keyClicks(description, u"kept after the refusal"_s);
        QTest::keyClick(description, Qt::Key_Return); // submits
        auto* nameError = dialog->findChild<QLabel*>(u"nameError"_s);
        QTRY_VERIFY2_WITH_TIMEOUT(nameError->isVisible(),
                                  qPrintable(dialog->findChild<QLabel*>(u"reasonLabel"_s)->text()), 10000);
        QVERIFY2(nameError->text().contains(u"control characters"_s), qPrintable(nameError->text()));
        QTRY_VERIFY(name->hasFocus());
        // Enter again: the same refusal, the form still there with what was typed.
        QTest::keyClick(name, Qt::Key_Return);
        QTest::qWait(300);
        QVERIFY(dialog->isVisible());
        QCOMPARE(description->text(), u"kept after the refusal"_s);
        // Fixed, Enter creates it.
        name->selectAll();
        QTest::keyClicks(name, u"pasted bell"_s);
        QTest::keyClick(name, Qt::Key_Return);
        auto* secret = waitForWidget<td::ui::SecretDialog>(u"secretDialog"_s, 10000);
        QVERIFY(secret);
        secret->setConfirmCloseAnswer(true);
        secret->reject();
    }

    // The form says in words when the new credential stops working, warns about "Never", bounds the custom date by
    // the server's limits, and the secret dialog shows a ready-to-run example for the kind.
    void expiryInWordsLimitsAndExample()
    {
        td::ui::CredentialsPage* page = keysPage();
        QTest::keyClick(page->view(), Qt::Key_N, Qt::ControlModifier);
        auto* dialog = waitForWidget<td::ui::GenerateDialog>(u"generateDialog"_s);
        QVERIFY(dialog);
        auto* sentence = dialog->findChild<QLabel*>(u"expirySentence"_s);
        auto* combo = dialog->findChild<QComboBox*>(u"expiryCombo"_s);
        combo->setFocus();
        QTest::keyClick(combo, Qt::Key_Home); // 7 days
        const QDateTime in7 = QDateTime::currentDateTimeUtc().addDays(7);
        QVERIFY2(sentence->isVisible() &&
                     sentence->text().contains(QLocale().toString(in7.toLocalTime().date(), u"MMMM"_s)),
                 qPrintable(sentence->text()));
        auto* never = dialog->findChild<QLabel*>(u"neverWarning"_s);
        QVERIFY(!never->isVisible());
        QTest::keyClick(combo, Qt::Key_End); // Never (API keys may)
        QCOMPARE(combo->currentData().toInt(), int(td::ui::ExpiryChooser::Preset::Never));
        QVERIFY(never->isVisible());
        auto* scope = dialog->findChild<QCheckBox*>(u"scope_read:products"_s);
        scope->setFocus();
        QTest::keyClick(scope, Qt::Key_Space);
        QVERIFY(scope->isChecked());
        QTest::keyClicks(dialog->findChild<QLineEdit*>(u"nameEdit"_s), u"with an example"_s);
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"generateButton"_s), Qt::LeftButton);
        auto* secretDialog = waitForWidget<td::ui::SecretDialog>(u"secretDialog"_s, 10000);
        QVERIFY(secretDialog);
        const QString example = secretDialog->findChild<QLabel*>(u"exampleLabel"_s)->text();
        QVERIFY2(example.startsWith(u"curl -H \"X-API-Key: tdk_"_s) &&
                     example.endsWith(m_server->url().toString(QUrl::StripTrailingSlash) + u"/api/v1/me"_s),
                 qPrintable(example));
        const QString secret = secretDialog->findChild<QLineEdit*>(u"secretEdit"_s)->text();
        QVERIFY(!example.contains(secret)); // shown shortened
        QTest::mouseClick(secretDialog->findChild<QPushButton*>(u"copyExampleButton"_s), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(),
                 td::ui::SecretDialog::example(CredentialKind::ApiKey, m_server->url(), secret));
        secretDialog->setConfirmCloseAnswer(true);
        secretDialog->reject();
        // The example for the other kinds names their scheme.
        QVERIFY(td::ui::SecretDialog::example(CredentialKind::Uat, m_server->url(), u"tdu_x"_s)
                    .contains(u"-H \"Authorization: UAT tdu_x\""_s));
        QVERIFY(td::ui::SecretDialog::example(CredentialKind::PrivateToken, m_server->url(), u"tdp_x"_s)
                    .contains(u"-H \"Authorization: Bearer tdp_x\""_s));

        // Private tokens: the server's limit (365 days by default) bounds the custom date; no "Never".
        ui::MainWindow* window = m_controller->mainWindow();
        td::ui::CredentialsPage* tokens = window->page(CredentialKind::PrivateToken);
        window->showPage(CredentialKind::PrivateToken);
        QTRY_VERIFY(!waitForWidget<td::ui::SecretDialog>(u"secretDialog"_s, 50));
        window->activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), static_cast<QWidget*>(window));
        tokens->view()->setFocus();
        QTest::keyClick(tokens->view(), Qt::Key_N, Qt::ControlModifier);
        auto* tokenDialog = waitForWidget<td::ui::GenerateDialog>(u"generateDialog"_s);
        QVERIFY2(tokenDialog, qPrintable(tokens->lastError() + u" visible:"_s + QString::number(tokens->isVisible()) +
                                         u" focus:"_s + QString::number(tokens->view()->hasFocus())));
        auto* tokenCombo = tokenDialog->findChild<QComboBox*>(u"expiryCombo"_s);
        QCOMPARE(tokenCombo->findData(int(td::ui::ExpiryChooser::Preset::Never)), -1);
        const QDate lastDay = QDateTime::currentDateTimeUtc().addDays(365).toLocalTime().date().addDays(-1);
        QCOMPARE(tokenDialog->findChild<QDateEdit*>(u"customDateEdit"_s)->maximumDate(), lastDay);
        tokenDialog->reject();
    }

    void revokeOne()
    {
        td::ui::CredentialsPage* page = keysPage();
        const auto key = m_server->createKey(u"to revoke in the GUI"_s, {u"read:products"_s});
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowOf(key.first) >= 0, 10000);
        selectIds(page, {key.first});
        auto* details = page->findChild<QTextBrowser*>(u"detailsPane"_s);
        const QString active = CredentialModel::statusText(CredentialModel::DisplayStatus::Active);
        const QString revoked = CredentialModel::statusText(CredentialModel::DisplayStatus::Revoked);
        QVERIFY2(details->toPlainText().contains(active), qPrintable(details->toPlainText()));
        QVERIFY(page->findChild<QAction*>(u"rotateAction"_s)->isEnabled());
        QVERIFY(page->findChild<QAction*>(u"revokeAction"_s)->isEnabled());
        // Del, as a user revokes, with the table focused.
        page->view()->setFocus();
        QTest::keyClick(page->view(), Qt::Key_Delete);
        auto* box = waitForWidget<QMessageBox>(u"revokeConfirm"_s);
        QVERIFY(box);
        QVERIFY(box->text().contains(u"to revoke in the GUI"_s)); // the confirmation names the key
        confirmRevoke();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(page, key.first), u"revoked"_s, 10000);
        QCOMPARE(m_server->get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 401);
        // Every view of the record follows: the pane says revoked, and a revoked key can be neither rotated nor
        // revoked again (the selection stayed on it).
        QCOMPARE(page->view()->selectionModel()->selectedRows().size(), 1);
        QVERIFY2(details->toPlainText().contains(revoked), qPrintable(details->toPlainText()));
        QVERIFY(!details->toPlainText().contains(active));
        QVERIFY(!page->findChild<QAction*>(u"rotateAction"_s)->isEnabled());
        QVERIFY(!page->findChild<QAction*>(u"revokeAction"_s)->isEnabled());
        QTest::keyClick(page->view(), Qt::Key_Delete);
        QVERIFY(!waitForWidget<QMessageBox>(u"revokeConfirm"_s, 300));
    }

    // The details pane's Usage tab shows the requests the key made (issue 12); its Refusals tab says in words why
    // a call was refused and offers the fix: an address outside the allowlist is added through Edit, prefilled.
    void usageAndRefusalsTabs()
    {
        td::ui::CredentialsPage* page = keysPage();
        const auto key = m_server->createKey(u"watched"_s, {u"read:products"_s});
        for (int i = 0; i < 4; ++i)
            QCOMPARE(m_server->get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
        // A key allowed only from 10.9.9.9 is refused from here (127.0.0.1).
        const auto fenced =
            m_server->createKey(u"fenced"_s, {u"read:products"_s}, {{u"ipAllowlist"_s, QJsonArray{u"10.9.9.9/32"_s}}});
        QCOMPARE(m_server->get(u"/api/v1/products"_s, TestServer::apiKey(fenced.second)).status, 403);
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->model()->rowOf(key.first) >= 0, 10000);
        selectIds(page, {key.first});
        auto* tabs = page->findChild<QTabWidget*>(u"detailTabs"_s);
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(1).center());
        QCOMPARE(tabs->currentIndex(), 1);
        auto* chart = page->findChild<td::ui::UsageChart*>(u"usageChart"_s);
        QTRY_VERIFY_WITH_TIMEOUT(chart->isVisible() && !chart->perDay().isEmpty() && chart->perDay().constLast() == 4,
                                 10000);
        QVERIFY(page->findChild<QLabel*>(u"usageSummary"_s)->text().contains(u"4"_s));
        QVERIFY(page->findChild<QTextBrowser*>(u"usageDetails"_s)->toPlainText().contains(u"127.0.0.1"_s));
        // The fenced key's Refusals tab: in words, with the fix.
        selectIds(page, {fenced.first});
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(2).center());
        auto* allow = page->findChild<QPushButton*>(u"allowAddressButton"_s);
        QTRY_VERIFY_WITH_TIMEOUT(allow->isVisible(), 10000);
        const QString words = page->findChild<QTextBrowser*>(u"refusalsList"_s)->toPlainText();
        QVERIFY2(words.contains(u"127.0.0.1 is outside the allowlist 10.9.9.9/32"_s), qPrintable(words));
        QTest::mouseClick(allow, Qt::LeftButton);
        auto* dialog = waitForWidget<td::ui::GenerateDialog>(u"editDialog"_s);
        QVERIFY(dialog);
        QCOMPARE(dialog->findChild<QPlainTextEdit*>(u"allowlistEdit"_s)->toPlainText(), u"10.9.9.9/32\n127.0.0.1"_s);
        dialog->reject();
    }

    // The rate limit in the Generate dialog reaches the server; Suspend (confirmed) stops the key at once and
    // Resume restarts it, from the details pane.
    void rateLimitAndSuspendFromTheConsole()
    {
        td::ui::CredentialsPage* page = keysPage();
        page->findChild<QAction*>(u"generateAction"_s)->trigger();
        auto* dialog = waitForWidget<td::ui::GenerateDialog>(u"generateDialog"_s);
        QVERIFY(dialog);
        QTest::keyClicks(dialog->findChild<QLineEdit*>(u"nameEdit"_s), u"metered"_s);
        auto* scope = dialog->findChild<QCheckBox*>(u"scope_read:products"_s);
        scope->setFocus();
        QTest::keyClick(scope, Qt::Key_Space);
        auto* limited = dialog->findChild<QCheckBox*>(u"rateLimitCheck"_s);
        auto* requests = dialog->findChild<QSpinBox*>(u"rateRequestsSpin"_s);
        QVERIFY(!requests->isEnabled()); // no limit unless asked for
        limited->setFocus();
        QTest::keyClick(limited, Qt::Key_Space);
        QVERIFY(requests->isEnabled());
        requests->setFocus();
        QTest::keyClick(requests, Qt::Key_A, Qt::ControlModifier);
        QTest::keyClicks(requests, u"2"_s);
        auto* window = dialog->findChild<QComboBox*>(u"rateWindowCombo"_s);
        window->setFocus();
        QTest::keyClick(window, Qt::Key_Home);
        QTest::keyClick(window, Qt::Key_Down); // per minute
        QCOMPARE(window->currentData().toInt(), 60);
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"generateButton"_s), Qt::LeftButton);
        auto* secretDialog = waitForWidget<td::ui::SecretDialog>(u"secretDialog"_s);
        QVERIFY(secretDialog);
        const QString secret = secretDialog->findChild<QLineEdit*>(u"secretEdit"_s)->text();
        secretDialog->setConfirmCloseAnswer(true);
        secretDialog->reject();
        const Headers h = TestServer::apiKey(secret);
        QCOMPARE(m_server->get(u"/api/v1/products"_s, h).status, 200);
        QCOMPARE(m_server->get(u"/api/v1/products"_s, h).status, 200);
        QCOMPARE(m_server->get(u"/api/v1/products"_s, h).status, 429);

        const auto key = createKey(u"to pause"_s);
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->model()->rowOf(key.first) >= 0, 10000);
        selectIds(page, {key.first});
        auto* bar = page->findChild<QToolBar*>(u"detailsActions"_s);
        QAction* suspend = page->findChild<QAction*>(u"suspendAction"_s);
        QVERIFY(suspend->isEnabled());
        QTest::mouseClick(bar->widgetForAction(suspend), Qt::LeftButton);
        auto* box = waitForWidget<QMessageBox>(u"suspendConfirm"_s);
        QVERIFY(box && box->text().contains(u"to pause ("_s));
        QTest::mouseClick(box->findChild<QPushButton*>(u"confirmSuspendButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(page, key.first), u"suspended"_s, 10000);
        QCOMPARE(m_server->get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).errorCode(),
                 u"credential_suspended"_s);
        QVERIFY(!suspend->text().contains(u"Suspend"_s)); // now it resumes
        QTest::mouseClick(bar->widgetForAction(suspend), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(page, key.first), u"active"_s, 10000);
        QCOMPARE(m_server->get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
    }

    // Settings → Calendar feed…: a key that reads the calendar and nothing else, its address shown once; the
    // address is a calendar the server serves.
    void calendarFeedFromTheSettingsMenu()
    {
        auto* window = m_controller->mainWindow();
        QMenu* settings = window->findChild<QMenu*>(u"settingsMenu"_s);
        QVERIFY(settings);
        // Through the menu bar, as a user would.
        window->activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), window);
        QTest::keyClick(window, Qt::Key_S, Qt::AltModifier);
        QTRY_VERIFY(settings->isVisible());
        QAction* calendar = window->findChild<QAction*>(u"calendarFeedAction"_s);
        QTest::mouseClick(settings, Qt::LeftButton, {}, settings->actionGeometry(calendar).center());
        auto* box = waitForWidget<QMessageBox>(u"calendarFeedConfirm"_s);
        QVERIFY(box);
        QTest::mouseClick(box->findChild<QPushButton*>(u"confirmCalendarFeedButton"_s), Qt::LeftButton);
        auto* secretDialog = waitForWidget<td::ui::SecretDialog>(u"secretDialog"_s);
        QVERIFY(secretDialog);
        const QString address = secretDialog->findChild<QLineEdit*>(u"secretEdit"_s)->text();
        QVERIFY2(address.startsWith(m_server->url().toString() + u"/api/v1/calendar.ics?feed=tdk_"_s),
                 qPrintable(address.left(40)));
        secretDialog->setConfirmCloseAnswer(true);
        secretDialog->reject();
        const QUrl url(address);
        const HttpResult feed = m_server->get(url.path() + u'?' + url.query());
        QCOMPARE(feed.status, 200);
        QVERIFY(feed.body.startsWith("BEGIN:VCALENDAR"));
        // The key is listed (by name, never with its secret) and reads nothing else.
        QTRY_VERIFY_WITH_TIMEOUT(
            !keysPage()->isBusy() && td::test::allModelText(keysPage()->model()).contains(u"Calendar feed"_s), 10000);
        QVERIFY(!td::test::allModelText(keysPage()->model()).contains(url.query().mid(5)));
        QCOMPARE(m_server->get(u"/api/v1/products"_s, TestServer::apiKey(url.query().mid(5))).errorCode(),
                 u"insufficient_scope"_s);
    }

    // Settings → Notifications: add an endpoint (its secret shown once), send a test, and watch it delivered to a
    // real receiver on loopback; a bad address is refused with the field named, and nothing is added.
    void notificationEndpointsFromTheSettingsMenu()
    {
        QTcpServer receiver;
        QVERIFY(receiver.listen(QHostAddress::LocalHost));
        QList<QByteArray> received;
        connect(&receiver, &QTcpServer::newConnection, this, [&] {
            while (QTcpSocket* socket = receiver.nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, socket, [socket, &received] {
                    const QByteArray request = socket->readAll();
                    received.append(request);
                    socket->write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    socket->disconnectFromHost();
                });
            }
        });
        auto* window = m_controller->mainWindow();
        QMenu* settings = window->findChild<QMenu*>(u"settingsMenu"_s);
        window->activateWindow();
        QTRY_COMPARE(QApplication::activeWindow(), window);
        QTest::keyClick(window, Qt::Key_S, Qt::AltModifier);
        QTRY_VERIFY(settings->isVisible());
        QAction* action = window->findChild<QAction*>(u"notificationsAction"_s);
        QVERIFY(action);
        QTest::mouseClick(settings, Qt::LeftButton, {}, settings->actionGeometry(action).center());
        auto* dialog = waitForWidget<td::ui::NotificationsDialog>(u"notificationsDialog"_s);
        QVERIFY(dialog);
        auto* list = dialog->findChild<QTreeWidget*>(u"endpointList"_s);
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"addEndpointButton"_s), Qt::LeftButton);
        auto* editor = waitForWidget<td::ui::NotificationEndpointEditor>(u"endpointEditor"_s);
        QVERIFY(editor);
        auto* name = editor->findChild<QLineEdit*>(u"endpointName"_s);
        auto* url = editor->findChild<QLineEdit*>(u"endpointUrl"_s);
        QTest::keyClicks(name, u"Ops webhook"_s);
        // Plain http to another host: the server refuses it and names the address.
        QTest::keyClicks(url, u"http://hooks.example.test/x"_s);
        QTest::mouseClick(editor->findChild<QPushButton*>(u"saveEndpointButton"_s), Qt::LeftButton);
        auto* error = editor->findChild<QLabel*>(u"endpointError"_s);
        QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() && error->text().contains(u"loopback"_s), 10000);
        QVERIFY(editor->isVisible());
        QCOMPARE(m_server->get(u"/api/v1/notification-endpoints"_s, m_server->admin())
                     .data()
                     .value(u"items"_s)
                     .toArray()
                     .size(),
                 0);
        url->selectAll();
        QTest::keyClicks(url, u"http://127.0.0.1:%1/hooks"_s.arg(receiver.serverPort()));
        auto* rotated = editor->findChild<QCheckBox*>(u"event_credential.rotated"_s);
        QTest::mouseClick(rotated, Qt::LeftButton, {}, QPoint(8, rotated->height() / 2)); // on its box
        QVERIFY(rotated->isChecked());
        QTest::mouseClick(editor->findChild<QPushButton*>(u"saveEndpointButton"_s), Qt::LeftButton);
        auto* secretDialog = waitForWidget<td::ui::SecretDialog>(u"notificationSecretDialog"_s);
        QVERIFY(secretDialog);
        const QString secret = secretDialog->findChild<QLineEdit*>(u"secretEdit"_s)->text();
        QVERIFY(secret.startsWith(u"tdwh_"_s));
        secretDialog->setConfirmCloseAnswer(true);
        secretDialog->reject();
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1, 10000);
        const QTreeWidgetItem* item = list->topLevelItem(0);
        QCOMPARE(item->text(0), u"Ops webhook"_s);
        QVERIFY2(item->text(3).contains(u"Rotated"_s) && item->text(3).contains(u"Expiring"_s),
                 qPrintable(item->text(3)));
        // The secret and the whole address are nowhere in the list.
        for (int c = 0; c < list->columnCount(); ++c)
            QVERIFY(!item->text(c).contains(secret) && !item->text(c).endsWith(u"/hooks"_s));
        const QJsonObject stored = m_server->get(u"/api/v1/notification-endpoints"_s, m_server->admin())
                                       .data()
                                       .value(u"items"_s)
                                       .toArray()
                                       .at(0)
                                       .toObject();
        QCOMPARE(stored.value(u"events"_s).toArray(), (QJsonArray{u"credential.expiring"_s, u"credential.expired"_s,
                                                                  u"credential.revoked"_s, u"credential.rotated"_s}));

        // Send test: the receiver gets it, signed; the deliveries list shows it delivered.
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"testEndpointButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(received.size(), 1, 15000);
        QVERIFY(received.at(0).contains("X-TokenDesk-Event: notification.test"));
        QVERIFY(received.at(0).contains("X-TokenDesk-Signature: t="));
        QVERIFY(!received.at(0).contains(secret.toLatin1()));
        auto* deliveries = dialog->findChild<QTreeWidget*>(u"deliveryList"_s);
        QTRY_VERIFY_WITH_TIMEOUT(
            deliveries->topLevelItemCount() == 1 && deliveries->topLevelItem(0)->text(3) == u"Delivered"_s, 15000);
        QCOMPARE(deliveries->topLevelItem(0)->text(1), u"Test"_s);

        // Delete, confirmed: gone on the server too.
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"deleteEndpointButton"_s), Qt::LeftButton);
        auto* confirm = waitForWidget<QMessageBox>(u"deleteEndpointConfirm"_s);
        QVERIFY(confirm);
        QVERIFY(confirm->text().contains(u"Ops webhook"_s));
        QTest::mouseClick(confirm->findChild<QPushButton*>(u"confirmDeleteEndpointButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 0, 10000);
        QCOMPARE(m_server->get(u"/api/v1/notification-endpoints"_s, m_server->admin())
                     .data()
                     .value(u"items"_s)
                     .toArray()
                     .size(),
                 0);
        dialog->close();
        window->activateWindow();
    }

    // A rotated key's drain watch: who still uses the old key, live; End grace now makes it fail at once. The Audit
    // tab lists the change, and the Token Inspector tells why the old key's calls are refused now.
    void drainWatchAndEndGrace()
    {
        td::ui::CredentialsPage* page = keysPage();
        const auto key = createKey(u"billing"_s);
        const auto quiet = createKey(u"not rotated"_s);
        const HttpResult rotated = m_server->post(u"/api/v1/api-keys/"_s + key.first + u"/rotate"_s,
                                                  {{u"graceSeconds"_s, 3600}}, m_server->admin());
        QCOMPARE(rotated.status, 201);
        for (int i = 0; i < 3; ++i)
            QCOMPARE(m_server->get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->model()->rowOf(key.first) >= 0, 10000);
        auto* watch = page->findChild<td::ui::DrainWatch*>(u"drainWatch"_s);
        QVERIFY(watch);
        selectIds(page, {quiet.first});
        QVERIFY(!watch->isVisible()); // only for the old key of a rotation
        selectIds(page, {key.first});
        QTRY_VERIFY_WITH_TIMEOUT(watch->text().contains(u"Old key still used"_s), 10000);
        QVERIFY2(watch->text().contains(u"3 request"_s) && watch->text().contains(u"127.0.0.1"_s),
                 qPrintable(watch->text()));
        // Newer traffic shows on the next refresh (every 30 s while shown; here at once).
        QCOMPARE(m_server->get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 200);
        watch->refresh();
        QTRY_VERIFY_WITH_TIMEOUT(watch->text().contains(u"4 request"_s), 10000);

        auto* end = watch->findChild<QPushButton*>(u"endGraceButton"_s);
        QVERIFY(end->isEnabled());
        QTest::mouseClick(end, Qt::LeftButton);
        auto* box = waitForWidget<QMessageBox>(u"endGraceConfirm"_s);
        QVERIFY(box && box->text().contains(u"billing"_s));
        QTest::mouseClick(box->findChild<QPushButton*>(u"confirmEndGraceButton"_s), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(m_server->get(u"/api/v1/products"_s, TestServer::apiKey(key.second)).status, 401,
                                  10000);
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(page, key.first), u"expired"_s, 10000);
        QTRY_VERIFY(!watch->isVisible());
        // The successor works on.
        QCOMPARE(m_server->get(u"/api/v1/products"_s, TestServer::apiKey(rotated.data().value(u"secret"_s).toString()))
                     .status,
                 200);

        // The Audit tab: this credential's events, the grace change among them.
        auto* tabs = page->findChild<QTabWidget*>(u"detailTabs"_s);
        QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(3).center());
        auto* audit = page->findChild<td::ui::CredentialAuditView*>(u"credentialAudit"_s);
        QTRY_VERIFY_WITH_TIMEOUT(audit->model()->rowCount() >= 3, 10000); // create, rotate, grace
        QStringList actions;
        for (int row = 0; row < audit->model()->rowCount(); ++row)
            actions.append(audit->model()->event(row).action);
        QVERIFY2(actions.contains(u"apiKey.grace"_s) && actions.contains(u"apiKey.rotate"_s),
                 qPrintable(actions.join(u' ')));

        // The Token Inspector: why the old key is refused now.
        auto* window = m_controller->mainWindow();
        window->showSupportPage(ui::MainWindow::SupportPage::Inspector);
        auto* token = window->inspectorPage()->findChild<QLineEdit*>(u"tokenEdit"_s);
        typeInto(token, key.second);
        QTest::mouseClick(window->inspectorPage()->findChild<QPushButton*>(u"checkButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(window->inspectorPage()
                                     ->findChild<QLabel*>(u"serverReport"_s)
                                     ->text()
                                     .contains(u"after it stopped working"_s),
                                 10000);
    }

    // Risk review: a key holding a scope it has not needed for 30 days is listed with the advice; Narrow, confirmed,
    // drops the scope, and the server then refuses requests that need it.
    void riskReviewNarrowsScopes()
    {
        const auto wide = createKey(u"wide"_s, {u"read:products"_s, u"write:orders"_s});
        const Headers key = TestServer::apiKey(wide.second);
        QCOMPARE(m_server->post(u"/api/v1/orders"_s, {{u"name"_s, u"first"_s}}, key).status, 201);
        QVERIFY(m_server->advanceClock(31 * 24 * 3600));
        QCOMPARE(m_server->get(u"/api/v1/products"_s, key).status, 200);
        logInThroughTheDialog(); // a session of the server's new "now"
        auto* window = m_controller->mainWindow();
        window->showSupportPage(ui::MainWindow::SupportPage::Risk);
        td::ui::RiskReviewPage* risk = window->riskPage();
        QTreeWidget* tree = risk->tree();
        // The unused scope's row, with the advice (no side effects: QTRY evaluates it more than once).
        const auto locate = [tree]() -> QTreeWidgetItem* {
            for (int g = 0; g < tree->topLevelItemCount(); ++g) {
                QTreeWidgetItem* group = tree->topLevelItem(g);
                for (int i = 0; i < group->childCount(); ++i) {
                    if (group->child(i)->text(0).startsWith(u"wide ("_s) &&
                        group->child(i)->text(2).contains(u"narrow to read:products"_s))
                        return group->child(i);
                }
            }
            return nullptr;
        };
        // The use a moment ago is written within a second: Refresh until the finding reflects it.
        auto* refresh = risk->findChild<QPushButton*>(u"riskRefresh"_s);
        for (int attempt = 0; attempt < 50; ++attempt) {
            QTRY_VERIFY_WITH_TIMEOUT(!risk->isBusy(), 10000);
            if (locate())
                break;
            QTest::qWait(200);
            QTest::mouseClick(refresh, Qt::LeftButton);
        }
        QTreeWidgetItem* row = locate();
        QVERIFY(row);
        QVERIFY2(row->text(2).contains(u"write:orders"_s), qPrintable(row->text(2)));
        tree->scrollToItem(row);
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, tree->visualItemRect(row).center());
        QCOMPARE(tree->currentItem(), row);
        auto* narrow = risk->findChild<QPushButton*>(u"riskNarrow"_s);
        QVERIFY(narrow->isEnabled());
        QTest::mouseClick(narrow, Qt::LeftButton);
        auto* box = waitForWidget<QMessageBox>(u"riskConfirm"_s);
        QVERIFY(box);
        QVERIFY2(box->text().contains(u"wide ("_s) && box->text().contains(u"keep read:products"_s),
                 qPrintable(box->text()));
        QTest::mouseClick(box->findChild<QPushButton*>(u"riskConfirmButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(risk->resultText().contains(u"Narrowed"_s), 10000);
        QCOMPARE(m_server->post(u"/api/v1/orders"_s, {{u"name"_s, u"second"_s}}, key).errorCode(),
                 u"insufficient_scope"_s);
        QCOMPARE(m_server->get(u"/api/v1/products"_s, key).status, 200);
        // The keys page follows, and the finding is gone after the reload.
        QTRY_VERIFY_WITH_TIMEOUT(keysPage()->model()->record(keysPage()->model()->rowOf(wide.first)).scopes ==
                                     QStringList{u"read:products"_s},
                                 10000);
        QTRY_VERIFY_WITH_TIMEOUT(!risk->isBusy() && !locate(), 10000);
    }

    // The details pane offers the row's actions too: Copy ID, Edit…, Rotate…, Suspend, Revoke…, Show audit events.
    void detailsPaneActions()
    {
        td::ui::CredentialsPage* page = keysPage();
        const auto key = m_server->createKey(u"acted on from the pane"_s, {u"read:products"_s});
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->model()->rowOf(key.first) >= 0, 10000);
        selectIds(page, {key.first});
        auto* bar = page->findChild<QToolBar*>(u"detailsActions"_s);
        QVERIFY(bar && bar->isVisible());
        QStringList names;
        for (QAction* action : bar->actions())
            names.append(action->objectName());
        QCOMPARE(names, (QStringList{u"copyIdAction"_s, u"editAction"_s, u"rotateAction"_s, u"suspendAction"_s,
                                     u"revokeAction"_s, u"auditAction"_s}));
        QTest::mouseClick(bar->widgetForAction(page->findChild<QAction*>(u"copyIdAction"_s)), Qt::LeftButton);
        QCOMPARE(QGuiApplication::clipboard()->text(), key.first);
        QTest::mouseClick(bar->widgetForAction(page->findChild<QAction*>(u"revokeAction"_s)), Qt::LeftButton);
        auto* box = waitForWidget<QMessageBox>(u"revokeConfirm"_s);
        QVERIFY(box && box->text().contains(u"acted on from the pane"_s));
        confirmRevoke();
        QTRY_COMPARE_WITH_TIMEOUT(statusOf(page, key.first), u"revoked"_s, 10000);
        QVERIFY(!bar->widgetForAction(page->findChild<QAction*>(u"revokeAction"_s))->isEnabled());
    }

    void bulkRevokeThree()
    {
        td::ui::CredentialsPage* page = keysPage();
        QStringList ids;
        QStringList secrets;
        for (int i = 0; i < 3; ++i) {
            const auto key = m_server->createKey(u"bulk %1"_s.arg(i), {u"read:products"_s});
            ids.append(key.first);
            secrets.append(key.second);
        }
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowOf(ids.last()) >= 0, 10000);
        selectIds(page, ids);
        QCOMPARE(page->view()->selectionModel()->selectedRows().size(), 3);
        page->revokeSelected();
        auto* box = waitForWidget<QMessageBox>(u"revokeConfirm"_s);
        QVERIFY(box);
        for (int i = 0; i < 3; ++i)
            QVERIFY(box->text().contains(u"bulk %1"_s.arg(i)));
        // Each is named with its visible key too: "bulk 0 (tdk_AbCdEfGh…wxyz)".
        for (const QString& id : std::as_const(ids)) {
            const protocol::ApiKeyDto r = page->model()->record(page->model()->rowOf(id));
            QVERIFY2(box->text().contains(u"%1 (%2…%3)"_s.arg(r.name, r.prefix, r.last4)), qPrintable(box->text()));
        }
        confirmRevoke();
        for (const QString& id : std::as_const(ids))
            QTRY_COMPARE_WITH_TIMEOUT(statusOf(page, id), u"revoked"_s, 10000);
        for (const QString& secret : std::as_const(secrets))
            QCOMPARE(m_server->get(u"/api/v1/products"_s, TestServer::apiKey(secret)).status, 401);
    }

    // Select all with Ctrl+A and revoke with Del: more keys than one request carries, some already revoked. The
    // confirmation names the skipped ones, the operation bar counts and offers Cancel, and the summary says what was
    // revoked, skipped and left.
    void bulkRevokeSelectAllWithProgressAndCancel()
    {
        td::ui::CredentialsPage* page = keysPage();
        const int count = td::protocol::MaxBulkRevokeIds + 20;
        QStringList ids;
        for (int i = 0; i < count; ++i)
            ids.append(m_server->createKey(u"many %1"_s.arg(i), {u"read:products"_s}).first);
        QVERIFY(revokeKey(ids.at(7)));
        QTest::keyClick(page->view(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->model()->rowOf(ids.last()) >= 0, 10000);
        const int total = page->model()->rowCount();
        int revokedBefore = 0;
        for (int row = 0; row < total; ++row)
            revokedBefore += page->model()->record(row).status == protocol::KeyStatus::Revoked;
        QVERIFY(revokedBefore >= 1);
        page->view()->setFocus();
        QTest::keyClick(page->view(), Qt::Key_A, Qt::ControlModifier);
        QCOMPARE(page->view()->selectionModel()->selectedRows().size(), total);
        QTest::keyClick(page->view(), Qt::Key_Delete);
        auto* box = waitForWidget<QMessageBox>(u"revokeConfirm"_s);
        QVERIFY(box);
        QVERIFY2(box->text().contains(QCoreApplication::translate(
                     "td::ui::CredentialsPage", "%n of those selected are already revoked and are skipped.", nullptr,
                     revokedBefore)),
                 qPrintable(box->text()));
        confirmRevoke();
        auto* bar = page->findChild<QWidget*>(u"operationBar"_s);
        auto* cancel = page->findChild<QPushButton*>(u"cancelOperationButton"_s);
        QTRY_VERIFY(bar->isVisible() && cancel->isVisible());
        QVERIFY(page->findChild<QLabel*>(u"operationText"_s)->text().contains(QLocale().toString(0)));
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!bar->isVisible(), 30000);
        const QString message = m_controller->mainWindow()->statusBar()->currentMessage();
        const int sent = total - revokedBefore;
        QVERIFY2(message.contains(QCoreApplication::translate("td::ui::CredentialsPage", "Revoked %n credential(s).",
                                                              nullptr, td::protocol::MaxBulkRevokeIds)),
                 qPrintable(message));
        QVERIFY2(message.contains(QCoreApplication::translate("td::ui::CredentialsPage", "Cancelled: %n not revoked.",
                                                              nullptr, sent - td::protocol::MaxBulkRevokeIds)),
                 qPrintable(message));
        int revokedAfter = 0;
        for (int row = 0; row < total; ++row)
            revokedAfter += page->model()->record(row).status == protocol::KeyStatus::Revoked;
        QCOMPARE(revokedAfter, revokedBefore + td::protocol::MaxBulkRevokeIds);
    }

    void rotateLinksBothRows()
    {
        td::ui::CredentialsPage* page = keysPage();
        const auto key =
            m_server->createKey(u"rotating in the GUI"_s, {u"read:orders"_s},
                                {{u"expiresAt"_s, QDateTime::currentDateTimeUtc().addDays(60).toString(Qt::ISODate)}});
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowOf(key.first) >= 0, 10000);
        selectIds(page, {key.first});
        QVERIFY(page->findChild<QAction*>(u"rotateAction"_s)->isEnabled());
        page->rotateSelected();
        auto* dialog = waitForWidget<td::ui::RotateDialog>(u"rotateDialog"_s);
        QVERIFY(dialog);
        dialog->setGraceSeconds(3600);
        // The new one's expiry: the old one's lifetime is offered first and said in words; 30 days is chosen.
        auto* expiry = dialog->findChild<QComboBox*>(u"expiryCombo"_s);
        QCOMPARE(expiry->currentData().toInt(), int(td::ui::ExpiryChooser::Preset::Keep));
        QVERIFY(expiry->currentText().contains(u"60"_s));
        QVERIFY(!dialog->findChild<QLabel*>(u"expirySentence"_s)->text().isEmpty());
        expiry->setFocus();
        while (expiry->currentData().toInt() != int(td::ui::ExpiryChooser::Preset::Days30))
            QTest::keyClick(expiry, Qt::Key_Down);
        QTest::mouseClick(dialog->findChild<QPushButton*>(u"rotateButton"_s), Qt::LeftButton);
        auto* secretDialog = waitForWidget<td::ui::SecretDialog>(u"secretDialog"_s);
        QVERIFY(secretDialog);
        const QString secret = secretDialog->findChild<QLineEdit*>(u"secretEdit"_s)->text();
        secretDialog->setConfirmCloseAnswer(true);
        secretDialog->reject();
        const int oldRow = page->model()->rowOf(key.first);
        const QString successor = page->model()->record(oldRow).rotatedTo;
        QVERIFY(!successor.isEmpty());
        const int newRow = page->model()->rowOf(successor);
        QVERIFY(newRow >= 0);
        QCOMPARE(page->model()->record(newRow).rotatedFrom, key.first);
        const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(page->model()->record(newRow).expiresAt);
        QVERIFY2(qAbs(lifetime - 30LL * 86400) < 3600, qPrintable(QString::number(lifetime)));
        QVERIFY(page->model()->record(oldRow).expiresAt.isValid()); // the grace period ends it
        QCOMPARE(m_server->get(u"/api/v1/orders"_s, TestServer::apiKey(key.second)).status, 200);
        QCOMPARE(m_server->get(u"/api/v1/orders"_s, TestServer::apiKey(secret)).status, 200);
    }

    void filterAndStatusFilter()
    {
        td::ui::CredentialsPage* page = keysPage();
        QStringList bulk;
        for (int i = 0; i < 3; ++i)
            bulk.append(createKey(u"bulk %1"_s.arg(i)).first);
        const QString single = createKey(u"single"_s).first;
        createKey(u"kept"_s);
        for (const QString& id : bulk + QStringList{single})
            QVERIFY(revokeKey(id));
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->model()->rowOf(single) >= 0, 10000);
        auto* search = page->findChild<QLineEdit*>(u"searchEdit"_s);
        search->clear();
        QTest::keyClicks(search, u"bulk"_s);
        QCOMPARE(page->proxy()->rowCount(), 3);
        // The status bar keeps saying how many are shown of how many.
        auto* count = m_controller->mainWindow()->findChild<QLabel*>(u"itemCount"_s);
        QVERIFY(count);
        QTRY_VERIFY2(count->text().startsWith(u"3 of 5 item"_s), qPrintable(count->text()));
        search->clear();
        auto* status = page->findChild<QComboBox*>(u"statusFilter"_s);
        status->setCurrentIndex(status->findData(int(CredentialModel::DisplayStatus::Revoked)));
        QCOMPARE(page->proxy()->rowCount(), 4);
        for (int row = 0; row < page->proxy()->rowCount(); ++row)
            QCOMPARE(page->proxy()->index(row, CredentialModel::Status).data().toString(),
                     CredentialModel::statusText(CredentialModel::DisplayStatus::Revoked));
        status->setCurrentIndex(0);
        QCOMPARE(page->proxy()->rowCount(), page->model()->rowCount());
    }

    void inspectorChecksLocallyThenOnTheServer()
    {
        const auto key = m_server->createKey(u"inspected"_s, {u"read:orders"_s});
        ui::MainWindow* window = m_controller->mainWindow();
        window->showSupportPage(ui::MainWindow::SupportPage::Inspector);
        ui::InspectorPage* page = window->inspectorPage();
        auto* local = page->findChild<QLabel*>(u"localReport"_s);
        auto* server = page->findChild<QLabel*>(u"serverReport"_s);
        // A typo is caught on this computer by the checksum.
        QByteArray typo = key.second.toLatin1();
        typo[10] = typo[10] == 'a' ? 'b' : 'a';
        page->setToken(typo);
        QVERIFY2(local->text().contains(u"checksum"_s), qPrintable(local->text()));
        page->setToken(key.second.toLatin1());
        QVERIFY(local->text().contains(u"Well formed"_s));
        QVERIFY(local->text().contains(key.second.left(12)));
        QVERIFY(!local->text().contains(key.second)); // never shown back whole
        page->checkOnServer();
        QTRY_VERIFY_WITH_TIMEOUT(server->text().contains(u"inspected"_s), 10000);
        QVERIFY(server->text().contains(u"Active"_s));
        QVERIFY(server->text().contains(u"read:orders"_s));
        QVERIFY(!server->text().contains(key.second));
        // Leaving the page forgets the token.
        window->showPage(CredentialKind::ApiKey);
        QVERIFY(page->findChild<QLineEdit*>(u"tokenEdit"_s)->text().isEmpty());
    }

    void auditLogListsWhatHappened()
    {
        const QString revoked = createKey(u"audited, revoked"_s).first;
        const QString rotated = createKey(u"audited, rotated"_s).first;
        QVERIFY(revokeKey(revoked));
        QVERIFY(rotateKey(rotated));
        ui::MainWindow* window = m_controller->mainWindow();
        ui::AuditPage* page = window->auditPage();
        // Opened from the sidebar (End: its last page), the log is read anew: what happened meanwhile is there.
        auto* nav = window->findChild<QListWidget*>(u"navigation"_s);
        nav->setFocus();
        QTest::keyClick(nav, Qt::Key_End);
        QTRY_COMPARE(window->findChild<QStackedWidget*>()->currentWidget(), static_cast<QWidget*>(page));
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->model()->rowCount() > 0, 10000);
        QStringList actions;
        for (int row = 0; row < page->model()->rowCount(); ++row)
            actions.append(page->model()->event(row).action);
        for (const QString& action : {u"apiKey.create"_s, u"apiKey.revoke"_s, u"apiKey.rotate"_s, u"login"_s})
            QVERIFY2(actions.contains(action), qPrintable(action));
    }

    // Icons on every action, the sidebar's counts and expiring-soon badges, the status as a chip with its text, and
    // empty tables that say what to do.
    void iconsBadgesAndEmptyStates()
    {
        ui::MainWindow* window = m_controller->mainWindow();
        td::ui::CredentialsPage* page = keysPage();
        auto* toolbar = page->findChild<QToolBar*>(u"pageToolbar"_s);
        for (QAction* action : toolbar->actions()) {
            if (!action->isSeparator() && !qobject_cast<QWidgetAction*>(action))
                QVERIFY2(!action->icon().isNull(), qPrintable(action->objectName()));
        }
        QVERIFY(!window->findChild<QAction*>(u"logoutAction"_s)->icon().isNull());
        // The sidebar: a count per credential page and a badge with those expiring within 7 days.
        auto* nav = window->findChild<QListWidget*>(u"navigation"_s);
        for (int i = 0; i < nav->count(); ++i)
            QVERIFY2(!nav->item(i)->icon().isNull(), qPrintable(nav->item(i)->text()));
        const int expiringBefore = nav->item(0)->data(td::ui::NavigationDelegate::ExpiringRole).toInt();
        m_server->createKey(u"expires in three days"_s, {u"read:products"_s},
                            {{u"expiresAt"_s, QDateTime::currentDateTimeUtc().addDays(3).toString(Qt::ISODateWithMs)}});
        QTest::keyClick(page->view(), Qt::Key_F5);
        QTRY_COMPARE_WITH_TIMEOUT(nav->item(0)->data(td::ui::NavigationDelegate::ExpiringRole).toInt(),
                                  expiringBefore + 1, 10000);
        QCOMPARE(nav->item(0)->data(td::ui::NavigationDelegate::CountRole).toInt(), page->model()->rowCount());
        QVERIFY(nav->item(0)->toolTip().contains(QString::number(expiringBefore + 1)));
        // The status column draws a chip; its text is there (colour is never the only sign).
        QVERIFY(
            qobject_cast<td::ui::StatusChipDelegate*>(page->view()->itemDelegateForColumn(CredentialModel::Status)));
        for (int row = 0; row < page->proxy()->rowCount(); ++row)
            QVERIFY(!page->proxy()->index(row, CredentialModel::Status).data().toString().isEmpty());

        // A search without a match says so and offers to clear it.
        auto* search = page->findChild<QLineEdit*>(u"searchEdit"_s);
        auto* empty = page->findChild<QWidget*>(u"emptyState"_s);
        QVERIFY(!empty->isVisible());
        QTest::keyClick(page->view(), Qt::Key_F, Qt::ControlModifier);
        QTest::keyClicks(search, u"zz-no-such-key"_s);
        QTRY_VERIFY(empty->isVisible());
        QVERIFY(page->findChild<QLabel*>(u"emptyText"_s)->text().contains(u"zz-no-such-key"_s));
        QTest::mouseClick(page->findChild<QPushButton*>(u"emptyButton"_s), Qt::LeftButton);
        QVERIFY(search->text().isEmpty());
        QTRY_VERIFY(!empty->isVisible());
        QVERIFY(page->proxy()->rowCount() > 0);

        // A kind without any credential yet: the page says so and its button opens the generate dialog.
        td::ui::CredentialsPage* uats = window->page(CredentialKind::Uat);
        nav->setFocus();
        QTest::mouseClick(nav->viewport(), Qt::LeftButton, {}, nav->visualItemRect(nav->item(1)).center());
        QTRY_VERIFY(uats->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!uats->isBusy(), 10000);
        QCOMPARE(uats->model()->rowCount(), 0);
        auto* uatEmpty = uats->findChild<QWidget*>(u"emptyState"_s);
        QTRY_VERIFY(uatEmpty->isVisible());
        QCOMPARE(uats->findChild<QLabel*>(u"emptyText"_s)->text(), td::app::emptyPageText(CredentialKind::Uat));
        QTest::mouseClick(uats->findChild<QPushButton*>(u"emptyButton"_s), Qt::LeftButton);
        auto* dialog = waitForWidget<td::ui::GenerateDialog>(u"generateDialog"_s);
        QVERIFY(dialog);
        dialog->reject();
    }

    // The state colours read on a light and on a dark theme: WCAG AA contrast (4.5:1) against the theme's base.
    void paletteReadsOnLightAndDark()
    {
        auto luminance = [](const QColor& c) {
            auto channel = [](qreal v) {
                return v <= 0.03928 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
            };
            return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF());
        };
        auto contrast = [&](const QColor& a, const QColor& b) {
            const qreal la = luminance(a), lb = luminance(b);
            return (qMax(la, lb) + 0.05) / (qMin(la, lb) + 0.05);
        };
        const QPalette original = QApplication::palette();
        auto restore = qScopeGuard([&] { QApplication::setPalette(original); });
        for (bool dark : {false, true}) {
            QPalette palette = original;
            palette.setColor(QPalette::Window, dark ? QColor(0x2b, 0x2b, 0x2b) : QColor(0xef, 0xef, 0xef));
            palette.setColor(QPalette::Base, dark ? QColor(0x1e, 0x1e, 0x1e) : QColor(Qt::white));
            QApplication::setPalette(palette);
            QCOMPARE(td::app::palette::isDark(), dark);
            for (const QColor& color : {td::app::palette::good(), td::app::palette::warning(), td::app::palette::bad(),
                                        td::app::palette::inactive()}) {
                QVERIFY2(contrast(color, palette.color(QPalette::Base)) >= 4.5,
                         qPrintable(u"%1 on %2"_s.arg(color.name(), palette.color(QPalette::Base).name())));
                // A chip's text on its own tint reads too.
                QVERIFY2(contrast(color, td::app::palette::tint(color)) >= 3.0, qPrintable(color.name()));
            }
        }
    }

    void showAuditEventsOfOneKey()
    {
        td::ui::CredentialsPage* page = keysPage();
        const QString audited = createKey(u"only these events"_s).first;
        const QString other = createKey(u"not these"_s).first;
        QVERIFY(revokeKey(other));
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->model()->rowOf(audited) >= 0, 10000);
        selectIds(page, {audited});
        auto* action = page->findChild<QAction*>(u"auditAction"_s);
        QVERIFY(action && page->view()->actions().contains(action) && action->isEnabled());
        action->trigger(); // from the row's context menu
        ui::MainWindow* window = m_controller->mainWindow();
        ui::AuditPage* audit = window->auditPage();
        QTRY_COMPARE(window->findChild<QStackedWidget*>()->currentWidget(), static_cast<QWidget*>(audit));
        // The filter names the credential as the picker does: "name (prefix…last4)".
        const protocol::ApiKeyDto record = page->model()->record(page->model()->rowOf(audited));
        QCOMPARE(audit->findChild<QLineEdit*>(u"targetEdit"_s)->text(),
                 u"%1 (%2…%3)"_s.arg(record.name, record.prefix, record.last4));
        QTRY_VERIFY_WITH_TIMEOUT(!audit->isBusy() && audit->model()->rowCount() > 0, 10000);
        for (int row = 0; row < audit->model()->rowCount(); ++row)
            QCOMPARE(audit->model()->event(row).targetId, audited);
    }

    // Support staff narrow the log with the keyboard: a credential picked by name, an action, a time range; actors
    // and targets read as e-mails and "name (prefix…last4)".
    void auditFiltersForSupport()
    {
        td::ui::CredentialsPage* page = keysPage();
        const QString picked = createKey(u"picked for support"_s).first;
        QVERIFY(revokeKey(picked));
        QVERIFY(revokeKey(createKey(u"another revoked"_s).first));
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->model()->rowOf(picked) >= 0, 10000);
        ui::MainWindow* window = m_controller->mainWindow();
        auto* nav = window->findChild<QListWidget*>(u"navigation"_s);
        nav->setFocus();
        QTest::keyClick(nav, Qt::Key_End);
        ui::AuditPage* audit = window->auditPage();
        QTRY_VERIFY_WITH_TIMEOUT(!audit->isBusy() && audit->model()->rowCount() > 0, 10000);
        QTableView* view = audit->findChild<QTableView*>(u"auditView"_s);
        const QString admin = QString::fromLatin1(TestServer::AdminEmail);
        QCOMPARE(view->model()->index(0, td::app::AuditModel::Actor).data().toString(), admin);

        // The credential, picked by typing part of its name and choosing the completion.
        auto* target = audit->findChild<QLineEdit*>(u"targetEdit"_s);
        target->setFocus();
        QTest::keyClicks(target, u"picked for"_s);
        QAbstractItemView* popup = target->completer()->popup();
        QTRY_VERIFY(popup->isVisible());
        QTest::keyClick(popup, Qt::Key_Down);
        QTest::keyClick(popup, Qt::Key_Return);
        QTRY_VERIFY(target->text().startsWith(u"picked for support (tdk_"_s));
        QTRY_VERIFY_WITH_TIMEOUT(!audit->isBusy() && audit->model()->rowCount() >= 2, 10000);
        for (int row = 0; row < audit->model()->rowCount(); ++row) {
            QCOMPARE(audit->model()->event(row).targetId, picked);
            QCOMPARE(view->model()->index(row, td::app::AuditModel::Target).data().toString(), target->text());
        }
        // Only its revocation: the action filter, with the arrow keys.
        auto* action = audit->findChild<QComboBox*>(u"actionFilter"_s);
        const int revokedIndex = action->findText(QCoreApplication::translate("td::ui::AuditPage", "Revoked"));
        QVERIFY(revokedIndex > 0);
        action->setFocus();
        for (int i = 0; i < revokedIndex; ++i)
            QTest::keyClick(action, Qt::Key_Down);
        QCOMPARE(action->currentIndex(), revokedIndex);
        QTRY_VERIFY_WITH_TIMEOUT(!audit->isBusy() && audit->model()->rowCount() == 1, 10000);
        QCOMPARE(audit->model()->event(0).action, u"apiKey.revoke"_s);
        // Every credential's revocations: clearing the picker widens to all of them.
        QTest::mouseClick(target, Qt::LeftButton);
        target->selectAll();
        QTest::keyClick(target, Qt::Key_Delete);
        QTRY_VERIFY_WITH_TIMEOUT(!audit->isBusy() && audit->model()->rowCount() >= 2, 10000);
        for (int row = 0; row < audit->model()->rowCount(); ++row)
            QCOMPARE(audit->model()->event(row).action, u"apiKey.revoke"_s);
        // A time range: "Between…" shows From and Until; a start after the end is refused in words.
        auto* range = audit->findChild<QComboBox*>(u"rangeFilter"_s);
        range->setFocus();
        QTest::keyClick(range, Qt::Key_End);
        auto* from = audit->findChild<QDateTimeEdit*>(u"fromEdit"_s);
        QTRY_VERIFY(from->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!audit->isBusy() && audit->model()->rowCount() >= 2, 10000); // the last 7 days
        from->setFocus();
        from->setSelectedSection(QDateTimeEdit::YearSection);
        QTest::keyClick(from, Qt::Key_Up); // a year later: after the end
        QTRY_VERIFY(audit->findChild<QWidget*>(u"auditBanner"_s)->isVisible());
        QTest::keyClick(from, Qt::Key_Down);
        QTest::keyClick(from, Qt::Key_Down); // a year earlier than it was: a wider range
        QTRY_VERIFY(!audit->findChild<QWidget*>(u"auditBanner"_s)->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(!audit->isBusy() && audit->model()->rowCount() >= 2, 10000);
    }

    void expiryOverviewCountsEveryKind()
    {
        for (int i = 0; i < 4; ++i)
            QVERIFY(revokeKey(createKey(u"revoked %1"_s.arg(i)).first));
        createKey(u"GUI generated"_s, {u"read:products"_s});
        const QString soon =
            m_server
                ->createKey(u"soon"_s, {u"read:products"_s},
                            {{u"expiresAt"_s, QDateTime::currentDateTimeUtc().addDays(20).toString(Qt::ISODate)}})
                .first;
        QVERIFY(!soon.isEmpty());
        keysPage()->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!keysPage()->isBusy() && keysPage()->model()->rowOf(soon) >= 0, 10000);
        ui::MainWindow* window = m_controller->mainWindow();
        window->showSupportPage(ui::MainWindow::SupportPage::Expiry);
        auto* revokedKeys = window->expiryPage()->findChild<QLabel*>(u"count_0_3"_s);
        QVERIFY(revokedKeys);
        QCOMPARE(revokedKeys->text().toInt(), 4);
        auto* horizon = window->expiryPage()->findChild<QComboBox*>(u"horizonCombo"_s);
        horizon->setCurrentIndex(horizon->findData(90));
        auto* view = window->expiryPage()->findChild<QTableView*>(u"expiryView"_s);
        bool found = false; // the key that expires in 20 days is listed, the one that never expires is not
        bool never = false;
        for (int row = 0; row < view->model()->rowCount(); ++row) {
            found = found || view->model()->index(row, 2).data().toString() == u"soon"_s;
            never = never || view->model()->index(row, 2).data().toString() == u"GUI generated"_s;
        }
        QVERIFY(found);
        QVERIFY(!never);
        // The timeline: 13 weeks for 90 days, the key expiring in 20 days in week 2 (days 14 to 21).
        auto* timeline = window->expiryPage()->findChild<td::ui::ExpiryTimeline*>(u"expiryTimeline"_s);
        QVERIFY(timeline && timeline->isVisible());
        QCOMPARE(timeline->weeks().size(), 13);
        QVERIFY(timeline->weeks().at(2) >= 1);
        int listedAhead = 0;
        for (int row = 0; row < view->model()->rowCount(); ++row)
            listedAhead += view->model()->index(row, 4).data().toString() !=
                           CredentialModel::statusText(CredentialModel::DisplayStatus::Expired);
        int drawn = 0;
        for (int n : timeline->weeks())
            drawn += n;
        QCOMPARE(drawn, listedAhead); // the bars and the list agree
        QVERIFY(timeline->accessibleDescription().contains(timeline->describe(2)));
        // Double-click a row: its page opens with it selected.
        int soonRow = -1;
        for (int row = 0; row < view->model()->rowCount() && soonRow < 0; ++row) {
            if (view->model()->index(row, 2).data().toString() == u"soon"_s)
                soonRow = row;
        }
        const QRect cell = view->visualRect(view->model()->index(soonRow, 2));
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, cell.center());
        QTRY_COMPARE(window->findChild<QStackedWidget*>()->currentWidget(), static_cast<QWidget*>(keysPage()));
        const QModelIndexList selected = keysPage()->view()->selectionModel()->selectedRows();
        QCOMPARE(selected.size(), 1);
        QCOMPARE(selected.constFirst().data(CredentialModel::IdRole).toString(), soon);
        QVERIFY(keysPage()->view()->hasFocus());
    }

    // Issue 17: a member sees only their own UATs and private tokens, named "You", and none of what is an admin's
    // business; an admin sees everyone's with the owner named and narrows the page to one person.
    void membersSeeTheirOwnAndAdminsFilterByOwner()
    {
        const QString memberEmail = u"mia@example.test"_s;
        const QByteArray memberPassword = "mia's long pass phrase";
        QVERIFY(m_server->addUser(memberEmail, u"default"_s, u"member"_s, memberPassword));
        const auto memberSession =
            TestServer::bearer(m_server->login(memberEmail, memberPassword).data().value(u"token"_s).toString());
        const auto create = [this](const QString& name, const td::test::Headers& auth) {
            return m_server
                ->post(u"/api/v1/private-tokens"_s,
                       {{u"name"_s, name},
                        {u"scopes"_s, QJsonArray{u"read:products"_s}},
                        {u"expiresAt"_s, QDateTime::currentDateTimeUtc().addDays(20).toString(Qt::ISODate)}},
                       auth)
                .data()
                .value(u"privateToken"_s)
                .toObject()
                .value(u"id"_s)
                .toString();
        };
        const QString mine = create(u"mia's token"_s, memberSession);
        const QString admins = create(u"admin's token"_s, m_server->admin());
        QVERIFY(!mine.isEmpty() && !admins.isEmpty());

        logInThroughTheDialog(memberEmail, QString::fromLatin1(memberPassword));
        ui::MainWindow* window = m_controller->mainWindow();
        auto* nav = window->findChild<QListWidget*>(u"navigation"_s);
        auto* stack = window->findChild<QStackedWidget*>();
        QVERIFY(nav->item(stack->indexOf(keysPage()))->isHidden());
        QVERIFY(nav->item(stack->indexOf(window->riskPage()))->isHidden());
        QVERIFY(!window->findChild<QAction*>(u"notificationsAction"_s)->isVisible());
        td::ui::CredentialsPage* tokens = window->page(CredentialKind::PrivateToken);
        QTRY_VERIFY_WITH_TIMEOUT(!tokens->isBusy() && tokens->model()->rowCount() == 1, 10000);
        QCOMPARE(tokens->model()->record(0).id, mine);
        QCOMPARE(tokens->model()->index(0, CredentialModel::Owner).data().toString(), u"You"_s);
        QVERIFY(!tokens->ownerFilter()->isVisible());
        QVERIFY(keysPage()->lastError().isEmpty()); // never asked for: nothing to refuse

        logInThroughTheDialog();
        window = m_controller->mainWindow();
        tokens = window->page(CredentialKind::PrivateToken);
        window->showPage(CredentialKind::PrivateToken);
        tokens->reload();
        QTRY_VERIFY_WITH_TIMEOUT(
            !tokens->isBusy() && tokens->model()->rowOf(mine) >= 0 && tokens->model()->rowOf(admins) >= 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(
            tokens->model()->index(tokens->model()->rowOf(mine), CredentialModel::Owner).data().toString(), memberEmail,
            10000);
        QCOMPARE(tokens->model()->index(tokens->model()->rowOf(admins), CredentialModel::Owner).data().toString(),
                 u"You"_s);
        QComboBox* owner = tokens->ownerFilter();
        QVERIFY(owner->isVisible());
        // Mia's only, chosen in the box as a user would.
        owner->setFocus();
        const int miaIndex = owner->findText(memberEmail);
        QVERIFY(miaIndex > 0);
        for (int i = owner->currentIndex(); i < miaIndex; ++i)
            QTest::keyClick(owner, Qt::Key_Down);
        QCOMPARE(owner->currentText(), memberEmail);
        QCOMPARE(tokens->proxy()->rowCount(), 1);
        QCOMPARE(tokens->proxy()->index(0, 0).data(CredentialModel::IdRole).toString(), mine);
        QTest::keyClick(owner, Qt::Key_Home);
        QVERIFY(tokens->proxy()->rowCount() >= 2);
    }

    // Issue 17: an invited person sets their own password from the login dialog with the setup token, then signs
    // in; no admin ever chose it. The token works once.
    void invitedPersonSetsUpTheirAccount()
    {
        const HttpResult invited =
            m_server->post(u"/api/v1/users"_s, {{u"email"_s, u"ivy@example.test"_s}}, m_server->admin());
        QCOMPARE(invited.status, 201);
        const QString token = invited.data().value(u"setupToken"_s).toString();
        m_controller = std::make_unique<td::ui::AppController>();
        m_controller->start();
        auto* login = waitForWidget<td::ui::LoginDialog>(u"loginDialog"_s);
        QVERIFY(login);
        typeInto(login->findChild<QLineEdit*>(u"urlEdit"_s), m_server->url().toString());
        QTest::mouseClick(login->findChild<QPushButton*>(u"setupAccountButton"_s), Qt::LeftButton);
        QPointer<QDialog> setup = waitForWidget<QDialog>(u"setupAccountDialog"_s);
        QVERIFY(setup);
        auto* set = setup->findChild<QPushButton*>(u"setPasswordButton"_s);
        typeInto(setup->findChild<QLineEdit*>(u"setupTokenEdit"_s), token);
        typeInto(setup->findChild<QLineEdit*>(u"newPasswordEdit"_s), u"ivy's own pass phrase"_s);
        typeInto(setup->findChild<QLineEdit*>(u"repeatPasswordEdit"_s), u"ivy's own pass phrase!"_s);
        QVERIFY(!set->isEnabled()); // they differ
        typeInto(setup->findChild<QLineEdit*>(u"repeatPasswordEdit"_s), u"ivy's own pass phrase"_s);
        QVERIFY(set->isEnabled());
        QTest::mouseClick(set, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!setup || !setup->isVisible(), 15000); // closed (and deleted)
        QCOMPARE(login->findChild<QLineEdit*>(u"emailEdit"_s)->text(), u"ivy@example.test"_s);
        QVERIFY(login->findChild<QLabel*>(u"loginMessage"_s)->text().contains(u"password is set"_s));
        // The token is used up: a second setup is refused, and says so in the dialog.
        QTest::mouseClick(login->findChild<QPushButton*>(u"setupAccountButton"_s), Qt::LeftButton);
        auto* again = waitForWidget<QDialog>(u"setupAccountDialog"_s);
        QVERIFY(again);
        typeInto(again->findChild<QLineEdit*>(u"setupTokenEdit"_s), token);
        typeInto(again->findChild<QLineEdit*>(u"newPasswordEdit"_s), u"someone else's phrase"_s);
        typeInto(again->findChild<QLineEdit*>(u"repeatPasswordEdit"_s), u"someone else's phrase"_s);
        QTest::mouseClick(again->findChild<QPushButton*>(u"setPasswordButton"_s), Qt::LeftButton);
        auto* message = again->findChild<QLabel*>(u"setupMessage"_s);
        QTRY_VERIFY_WITH_TIMEOUT(message->text().contains(u"used already"_s), 15000);
        again->reject();
        // Ivy signs in with her own password.
        QCOMPARE(m_server->login(u"ivy@example.test"_s, "ivy's own pass phrase").status, 200);
        QCOMPARE(m_server->login(u"ivy@example.test"_s, "someone else's phrase").status, 401);
        login->reject();
        logInThroughTheDialog(); // the admin again, for what follows
    }

    void stoppedServerShowsAReadableError()
    {
        td::ui::CredentialsPage* page = keysPage();
        const QString id = createKey(u"shown before the stop"_s).first;
        page->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && page->model()->rowOf(id) >= 0, 10000);
        m_server->stop();
        page->findChild<QAction*>(u"refreshAction"_s)->trigger();
        auto* banner = page->findChild<QWidget*>(u"errorBanner"_s);
        QTRY_VERIFY_WITH_TIMEOUT(banner->isVisible(), 15000);
        QVERIFY2(page->lastError().contains(u"cannot be reached"_s), qPrintable(page->lastError()));
        QVERIFY(page->findChild<QPushButton*>(u"retryButton"_s)->isVisible());
        // The window stays responsive: the rows are still there and the search still filters.
        QVERIFY(page->model()->rowCount() > 0);
        QVERIFY(!page->isBusy());
        // Back up: the next success (F5) takes the banner away.
        const QString address = u"127.0.0.1:%1"_s.arg(m_server->url().port()); // where the console looks
        QVERIFY(m_server->restart({u"--listen"_s, address}));
        QCOMPARE(m_server->url().port(), address.section(u':', 1).toInt());
        m_controller->mainWindow()->activateWindow();
        page->view()->setFocus();
        QTest::keyClick(page->view(), Qt::Key_F5);
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && !banner->isVisible(), 15000);
        QVERIFY(page->lastError().isEmpty());
    }

    // The support pages show a failure in the same banner with Retry as the credential pages; Retry repeats it.
    void supportPagesShowFailuresWithRetry()
    {
        ui::MainWindow* window = m_controller->mainWindow();
        auto* nav = window->findChild<QListWidget*>(u"navigation"_s);
        m_server->stop();
        // The audit log, opened from the sidebar.
        nav->setFocus();
        QTest::keyClick(nav, Qt::Key_End);
        ui::AuditPage* audit = window->auditPage();
        auto* auditBanner = audit->findChild<QWidget*>(u"auditBanner"_s);
        QTRY_VERIFY_WITH_TIMEOUT(auditBanner->isVisible(), 15000);
        QVERIFY2(audit->lastError().contains(u"cannot be reached"_s), qPrintable(audit->lastError()));
        // The inspector's "Check on server".
        ui::InspectorPage* inspector = window->inspectorPage();
        window->showSupportPage(ui::MainWindow::SupportPage::Inspector);
        auto* token = inspector->findChild<QLineEdit*>(u"tokenEdit"_s);
        QVERIFY(token);
        token->setFocus();
        QTest::keyClicks(token, u"tdk_notarealkeyatall"_s);
        QTest::keyClick(token, Qt::Key_Return);
        auto* inspectorBanner = inspector->findChild<QWidget*>(u"inspectorBanner"_s);
        QTRY_VERIFY_WITH_TIMEOUT(inspectorBanner->isVisible(), 15000);
        QVERIFY(inspector->findChild<QPushButton*>(u"inspectorRetryButton"_s)->isVisible());
        // The expiry overview, when a kind cannot be loaded.
        keysPage()->reload();
        ui::ExpiryPage* expiry = window->expiryPage();
        auto* expiryBanner = expiry->findChild<QWidget*>(u"expiryBanner"_s);
        window->showSupportPage(ui::MainWindow::SupportPage::Expiry);
        QTRY_VERIFY_WITH_TIMEOUT(expiryBanner->isVisible(), 15000);
        QVERIFY(expiry->findChild<QLabel*>(u"expiryBannerText"_s)
                    ->text()
                    .contains(td::app::kindTitle(CredentialKind::ApiKey)));

        // Back up: each Retry repeats what failed, and the banner goes with the success.
        const QString address = u"127.0.0.1:%1"_s.arg(m_server->url().port());
        QVERIFY(m_server->restart({u"--listen"_s, address}));
        QTest::mouseClick(expiry->findChild<QPushButton*>(u"expiryRetryButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!expiryBanner->isVisible(), 15000);
        window->showSupportPage(ui::MainWindow::SupportPage::Inspector);
        QTest::mouseClick(inspector->findChild<QPushButton*>(u"inspectorRetryButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!inspectorBanner->isVisible(), 15000);
        window->showSupportPage(ui::MainWindow::SupportPage::Audit);
        QTRY_VERIFY(!audit->isBusy());
        QTest::mouseClick(audit->findChild<QPushButton*>(u"auditRetryButton"_s), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!auditBanner->isVisible() && audit->model()->rowCount() > 0, 15000);
    }

    // --demo: the window is there at once and says the sandbox is starting; if the server dies, the window says so
    // and Restart demo server brings a fresh sandbox back.
    void demoLauncherStartsAndStopsItsServer()
    {
        td::ui::AppController demo;
        QSignalSpy ready(&demo, &td::ui::AppController::ready);
        demo.startDemo(TestServer::binary());
        QVERIFY(demo.mainWindow() && demo.mainWindow()->isVisible());
        auto* windowBanner = demo.mainWindow()->findChild<QWidget*>(u"windowBanner"_s);
        QVERIFY(windowBanner->isVisible());
        QCOMPARE(demo.mainWindow()->findChild<QLabel*>(u"windowBannerText"_s)->text(),
                 QCoreApplication::translate("td::ui::AppController", "Starting the local demo server…"));
        QVERIFY(ready.wait(30000));
        QVERIFY(!windowBanner->isVisible());
        {
            // Killed behind the console's back.
            const qint64 first = demo.demo()->processId();
            QVERIFY(first > 0);
            QSignalSpy failed(&demo, &td::ui::AppController::failed);
            ::kill(pid_t(first), SIGKILL);
            QVERIFY(failed.wait(10000));
            QTRY_VERIFY(windowBanner->isVisible());
            auto* restart = demo.mainWindow()->findChild<QPushButton*>(u"windowBannerButton"_s);
            QVERIFY(restart->isVisible());
            QCOMPARE(restart->text(), QCoreApplication::translate("td::ui::AppController", "Restart demo server"));
            ready.clear();
            QTest::mouseClick(restart, Qt::LeftButton);
            QVERIFY(ready.wait(30000));
            QVERIFY(!windowBanner->isVisible());
            QVERIFY(demo.demo()->processId() != first);
        }
        const qint64 pid = demo.demo()->processId();
        QVERIFY(pid > 0);
        td::ui::CredentialsPage* page = demo.mainWindow()->page(CredentialKind::ApiKey);
        QTRY_VERIFY_WITH_TIMEOUT(page->model()->rowCount() >= 5, 10000);
        QCOMPARE(demo.session()->tenants().size(), 2);
        demo.shutdown();
        QVERIFY(!demo.demo()->isRunning());
        QVERIFY(!QFileInfo::exists(u"/proc/%1/cmdline"_s.arg(pid)) || !QFile(u"/proc/%1/cmdline"_s.arg(pid)).exists());
        demo.mainWindow()->close();
    }

    void crashedConsoleLeavesNoOrphanServer()
    {
        // The real console binary with --demo, killed with SIGKILL: its demo server must go too.
        QProcess console;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(u"QT_QPA_PLATFORM"_s, u"offscreen"_s);
        QTemporaryDir data;
        env.insert(u"XDG_DATA_HOME"_s, data.path());
        console.setProcessEnvironment(env);
        console.start(qEnvironmentVariable("TOKENDESK_CONSOLE_BIN"),
                      {u"--demo"_s, u"--server-binary"_s, TestServer::binary()});
        QVERIFY(console.waitForStarted());
        const qint64 consolePid = console.processId();
        auto serverPids = [consolePid] {
            QList<qint64> pids;
            const QStringList entries = QDir(u"/proc"_s).entryList(QDir::Dirs);
            for (const QString& entry : entries) {
                bool ok = false;
                const qint64 pid = entry.toLongLong(&ok);
                QFile stat(u"/proc/%1/stat"_s.arg(entry));
                if (!ok || !stat.open(QIODevice::ReadOnly))
                    continue;
                const QList<QByteArray> fields = stat.readAll().split(' ');
                if (fields.size() > 3 && fields.at(3).toLongLong() == consolePid)
                    pids.append(pid);
            }
            return pids;
        };
        QTRY_VERIFY_WITH_TIMEOUT(!serverPids().isEmpty(), 20000);
        const qint64 serverPid = serverPids().constFirst();
        // Let the server get past its start-up, so that what is killed is a serving sandbox.
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(data.filePath(u"TokenDesk/TokenDesk/demo/demo.sqlite"_s)), 20000);
        QTest::qWait(500);
        console.kill();
        QVERIFY(console.waitForFinished(5000));
        QTRY_VERIFY_WITH_TIMEOUT(
            !QFileInfo::exists(u"/proc/%1/exe"_s.arg(serverPid)) ||
                QFile(u"/proc/%1/stat"_s.arg(serverPid)).open(QIODevice::ReadOnly) == false ||
                [serverPid] {
                    QFile stat(u"/proc/%1/stat"_s.arg(serverPid));
                    stat.open(QIODevice::ReadOnly);
                    return stat.readAll().split(' ').value(2) == "Z";
                }(),
            10000);
    }
};

QTEST_MAIN(TestGui)
#include "tst_gui.moc"
