// Renders each page and dialog of the console, filled from the demo server, into docs/screenshots/.
#include "GuiHelpers.h"
#include "TestServer.h"

#include "app/ApiClient.h"
#include "app/ClipboardGuard.h"
#include "app/CredentialModel.h"
#include "app/DemoLauncher.h"
#include "app/Jobs.h"
#include "app/Session.h"
#include "ui/AppController.h"
#include "ui/AuditPage.h"
#include "ui/CredentialsPage.h"
#include "ui/GenerateDialog.h"
#include "ui/InspectorPage.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/NotificationsDialog.h"
#include "ui/PeoplePage.h"
#include "ui/RiskReviewPage.h"
#include "ui/RotateDialog.h"
#include "ui/SecretDialog.h"
#include "ui/Translations.h"
#include "ui/UsageView.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QImage>
#include <QLineEdit>
#include <QPushButton>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTreeWidget>

using namespace Qt::StringLiterals;
using namespace td;

class TestScreenshots : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<ui::AppController> m_demo;
    QDir m_dir{QStringLiteral(TOKENDESK_SCREENSHOT_DIR)};

    void save(QWidget* widget, const QString& name)
    {
        widget->adjustSize();
        QApplication::processEvents();
        const QImage image = widget->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY2(image.width() >= 250 && image.height() >= 100, qPrintable(name));
        // Not a blank image: a page shows text and lines in more than one colour.
        QSet<QRgb> colours;
        for (int y = 0; y < image.height(); y += 7)
            for (int x = 0; x < image.width(); x += 7)
                colours.insert(image.pixel(x, y));
        QVERIFY2(colours.size() > 5, qPrintable(name));
        QVERIFY(image.save(m_dir.filePath(name + u".png"_s)));
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(u"TokenDeskTest"_s);
        QCoreApplication::setApplicationName(u"tst_screenshots"_s);
        QVERIFY(m_dir.mkpath(u"."_s));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        ui::installTranslators(this); // as the console does: English plural forms included
        m_demo = std::make_unique<ui::AppController>();
        QSignalSpy ready(m_demo.get(), &ui::AppController::ready);
        m_demo->startDemo(td::test::TestServer::binary());
        QVERIFY(ready.wait(30000));
        m_demo->mainWindow()->resize(1200, 720);
        for (auto kind : {app::CredentialKind::ApiKey, app::CredentialKind::Uat, app::CredentialKind::PrivateToken})
            QTRY_VERIFY_WITH_TIMEOUT(!m_demo->mainWindow()->page(kind)->isBusy(), 10000);
    }

    void pages()
    {
        ui::MainWindow* window = m_demo->mainWindow();
        ui::CredentialsPage* keys = window->page(app::CredentialKind::ApiKey);
        keys->view()->selectRow(1);
        window->showPage(app::CredentialKind::ApiKey);
        window->resize(1200, 720);
        QApplication::processEvents();
        const QImage image = window->grab().toImage();
        QVERIFY(image.save(m_dir.filePath(u"api-keys.png"_s)));
        QCOMPARE(image.size(), QSize(1200, 720));
        for (auto [kind, name] : {std::pair{app::CredentialKind::Uat, u"uats"_s},
                                  std::pair{app::CredentialKind::PrivateToken, u"private-tokens"_s}}) {
            window->showPage(kind);
            QApplication::processEvents();
            QVERIFY(window->grab().toImage().save(m_dir.filePath(name + u".png"_s)));
        }
    }

    void supportPages()
    {
        ui::MainWindow* window = m_demo->mainWindow();
        window->showSupportPage(ui::MainWindow::SupportPage::Expiry);
        QApplication::processEvents();
        QVERIFY(window->grab().toImage().save(m_dir.filePath(u"expiry-overview.png"_s)));
        window->showSupportPage(ui::MainWindow::SupportPage::Audit);
        QTRY_VERIFY_WITH_TIMEOUT(!window->auditPage()->isBusy(), 10000);
        QVERIFY(window->grab().toImage().save(m_dir.filePath(u"audit-log.png"_s)));
        window->showSupportPage(ui::MainWindow::SupportPage::Inspector);
        // A made-up token with a mistyped character: the offline report catches it by the checksum.
        window->inspectorPage()->setToken(QByteArray("tdk_") + QByteArray("Example0Secret0Shown0Once0Only00") +
                                          "3kQ9Zx");
        QApplication::processEvents();
        QVERIFY(window->grab().toImage().save(m_dir.filePath(u"token-inspector.png"_s)));
        window->showPage(app::CredentialKind::ApiKey);
    }

    // Issue 12: the details pane's Usage and Refusals tabs, the drain watch of a rotated key, the Risk review.
    void usageInsight()
    {
        ui::MainWindow* window = m_demo->mainWindow();
        ui::CredentialsPage* keys = window->page(app::CredentialKind::ApiKey);
        window->showPage(app::CredentialKind::ApiKey);
        window->resize(1200, 720);
        const auto select = [keys](const QString& name, bool oldOne = false) {
            for (int row = 0; row < keys->model()->rowCount(); ++row) {
                const protocol::ApiKeyDto r = keys->model()->record(row);
                if (r.name == name && r.rotatedTo.isEmpty() != oldOne) {
                    keys->showCredential(r.id);
                    return true;
                }
            }
            return false;
        };
        auto* tabs = keys->findChild<QTabWidget*>(u"detailTabs"_s);
        QVERIFY(select(u"CI deploy"_s));
        tabs->setCurrentIndex(1);
        auto* chart = keys->findChild<ui::UsageChart*>(u"usageChart"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!chart->perDay().isEmpty() && chart->perDay().constLast() > 0, 10000);
        QVERIFY(window->grab().toImage().save(m_dir.filePath(u"usage-tab.png"_s)));
        QVERIFY(select(u"Warehouse sync"_s));
        tabs->setCurrentIndex(2);
        QTRY_VERIFY_WITH_TIMEOUT(keys->findChild<QPushButton*>(u"allowAddressButton"_s)->isVisible(), 10000);
        QVERIFY(window->grab().toImage().save(m_dir.filePath(u"refusals-tab.png"_s)));
        QVERIFY(select(u"Billing"_s, true));
        tabs->setCurrentIndex(0);
        auto* drain = keys->findChild<ui::DrainWatch*>(u"drainWatch"_s);
        QTRY_VERIFY_WITH_TIMEOUT(drain->text().contains(u"still used"_s), 10000);
        QVERIFY(window->grab().toImage().save(m_dir.filePath(u"drain-watch.png"_s)));
        window->showSupportPage(ui::MainWindow::SupportPage::Risk);
        QTRY_VERIFY_WITH_TIMEOUT(!window->riskPage()->isBusy() && window->riskPage()->tree()->topLevelItemCount() > 0,
                                 10000);
        QVERIFY(window->grab().toImage().save(m_dir.filePath(u"risk-review.png"_s)));
        window->showPage(app::CredentialKind::ApiKey);
    }

    // Settings → Notifications on the demo's endpoint: a delivered test, and the rotation's event being retried.
    void notifications()
    {
        ui::MainWindow* window = m_demo->mainWindow();
        window->findChild<QAction*>(u"notificationsAction"_s)->trigger();
        auto* dialog = td::test::waitForWidget<ui::NotificationsDialog>(u"notificationsDialog"_s);
        QVERIFY(dialog);
        auto* deliveries = dialog->findChild<QTreeWidget*>(u"deliveryList"_s);
        QTRY_VERIFY_WITH_TIMEOUT(deliveries->topLevelItemCount() >= 2 && deliveries->topLevelItem(0)->childCount() >= 1,
                                 20000);
        deliveries->topLevelItem(0)->setExpanded(true);
        dialog->resize(900, 520);
        QApplication::processEvents();
        QVERIFY(dialog->grab().toImage().save(m_dir.filePath(u"notifications.png"_s)));
        dialog->close();
    }

    // The People page on the demo: an admin, a member, someone who left (disabled) and someone invited.
    void people()
    {
        ui::MainWindow* window = m_demo->mainWindow();
        window->resize(1200, 720);
        window->showSupportPage(ui::MainWindow::SupportPage::People);
        ui::PeoplePage* page = window->peoplePage();
        QTreeWidget* tree = page->list();
        QTRY_VERIFY_WITH_TIMEOUT(!page->isBusy() && tree && tree->topLevelItemCount() >= 4, 10000);
        QApplication::processEvents();
        QVERIFY(window->grab().toImage().save(m_dir.filePath(u"people.png"_s)));
        window->showPage(app::CredentialKind::ApiKey);
    }

    void dialogs()
    {
        ui::MainWindow* window = m_demo->mainWindow();
        ui::CredentialsPage* keys = window->page(app::CredentialKind::ApiKey);
        window->showPage(app::CredentialKind::ApiKey);
        keys->generate();
        auto* generate = td::test::waitForWidget<ui::GenerateDialog>(u"generateDialog"_s);
        QVERIFY(generate);
        generate->findChild<QLineEdit*>(u"nameEdit"_s)->setText(u"Warehouse sync (EU)"_s);
        generate->findChild<QCheckBox*>(u"scope_read:inventory"_s)->setChecked(true);
        generate->findChild<QCheckBox*>(u"scope_write:inventory"_s)->setChecked(true);
        generate->findChild<QPlainTextEdit*>(u"allowlistEdit"_s)->setPlainText(u"10.20.0.0/16\n10.0.0.1/8"_s);
        save(generate, u"generate-dialog"_s);
        generate->reject();

        app::ClipboardGuard clipboard;
        ui::SecretDialog secret(tr("New API key"), u"Warehouse sync (EU)"_s,
                                QByteArray("tdk_") + QByteArray("Example0Secret0Shown0Once0Only00") + "3kQ9Zx",
                                &clipboard);
        secret.setConfirmCloseAnswer(true);
        secret.setExample(app::CredentialKind::ApiKey, QUrl(u"https://api.example.com"_s));
        secret.show();
        save(&secret, u"secret-dialog"_s);
        secret.reject();

        ui::RotateDialog rotate(u"Billing"_s);
        rotate.setLifetime(QDateTime::currentDateTimeUtc().addDays(-30), QDateTime::currentDateTimeUtc().addDays(60));
        rotate.show();
        save(&rotate, u"rotate-dialog"_s);
        rotate.reject();

        ui::LoginDialog login;
        login.setProfiles({}, {});
        login.findChild<QLineEdit*>(u"urlEdit"_s)->setText(u"https://api.example.com"_s);
        login.findChild<QLineEdit*>(u"emailEdit"_s)->setText(u"admin@acme.example"_s);
        login.show();
        save(&login, u"login-dialog"_s);
        login.reject();
    }

    // The API keys page in German, from a console started in German (as the language setting does).
    void germanMainWindow()
    {
        QSettings().setValue(u"language"_s, u"de"_s);
        QObject translators;
        ui::installTranslators(&translators);
        auto restore = qScopeGuard([] {
            QSettings().remove(u"language"_s);
            QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
        });
        ui::AppController german;
        QSignalSpy ready(&german, &ui::AppController::ready);
        german.startDemo(td::test::TestServer::binary());
        QVERIFY(ready.wait(30000));
        ui::MainWindow* window = german.mainWindow();
        window->resize(1200, 720);
        QTRY_VERIFY_WITH_TIMEOUT(!window->page(app::CredentialKind::ApiKey)->isBusy(), 10000);
        window->page(app::CredentialKind::ApiKey)->view()->selectRow(3);
        QApplication::processEvents();
        QVERIFY(window->grab().toImage().save(m_dir.filePath(u"api-keys-de.png"_s)));
        german.shutdown();
        window->close();
    }

    void cleanupTestCase()
    {
        if (m_demo) {
            m_demo->shutdown();
            if (m_demo->mainWindow())
                m_demo->mainWindow()->close();
        }
        m_demo.reset();
    }
};

QTEST_MAIN(TestScreenshots)
#include "tst_screenshots.moc"
