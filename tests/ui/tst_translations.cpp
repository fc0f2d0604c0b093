// The German and French translations: every .ts message is finished and keeps its placeholders, the embedded .qm
// files load, and the dialogs really speak German once the translator is installed (a missing translation fails).
#include "app/ApiClient.h"
#include "app/ClipboardGuard.h"
#include "app/CredentialFilterModel.h"
#include "app/CredentialKind.h"
#include "app/CredentialModel.h"
#include "app/Session.h"
#include "protocol/Scopes.h"
#include "ui/CredentialsPage.h"
#include "ui/GenerateDialog.h"
#include "ui/LoginDialog.h"
#include "ui/MainWindow.h"
#include "ui/RotateDialog.h"
#include "ui/Translations.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QMainWindow>
#include <QMenuBar>
#include <QMultiHash>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>
#include <QTranslator>
#include <QXmlStreamReader>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;
using td::app::CredentialKind;

namespace {

struct TsMessage
{
    QString context;
    QString source;
    bool numerus = false;
    QString type;             // the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    QStringList translations; // one text, or the numerus forms
};

struct TsFile
{
    QString language;
    QList<TsMessage> messages;
    QString error;
};

TsFile readTs(const QString& path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = file.errorString();
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == "TS"_L1) {
            ts.language = xml.attributes().value("language"_L1).toString();
        } else if (xml.name() == "name"_L1) {
            context = xml.readElementText();
        } else if (xml.name() == "message"_L1) {
            TsMessage message;
            message.context = context;
            message.numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
            while (xml.readNextStartElement()) {
                if (xml.name() == "source"_L1) {
                    message.source = xml.readElementText();
                } else if (xml.name() == "translation"_L1) {
                    message.type = xml.attributes().value("type"_L1).toString();
                    if (message.numerus) {
                        while (xml.readNextStartElement()) {
                            if (xml.name() == "numerusform"_L1)
                                message.translations.append(xml.readElementText());
                            else
                                xml.skipCurrentElement();
                        }
                    } else {
                        message.translations.append(xml.readElementText());
                    }
                } else {
                    xml.skipCurrentElement(); // comment, extracomment, location, …
                }
            }
            ts.messages.append(message);
        }
    }
    if (xml.hasError())
        ts.error = u"line %1: %2"_s.arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

// %1..%9 (also %L1) and %n, sorted, so that a reordering is fine but a lost or extra one is not.
QStringList placeholders(const QString& text)
{
    static const QRegularExpression re(u"%(?:L?[1-9]|L?n)"_s);
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found.append(it.next().captured());
    found.sort();
    return found;
}

// Numerus forms per language, as Qt's plural rules define them (Germanic and French: singular, plural).
int expectedNumerusForms(const QString& language)
{
    if (language == u"de"_s || language == u"fr"_s)
        return 2;
    return -1;
}

QString tsPath(const QString& language)
{
    return QStringLiteral(TOKENDESK_TRANSLATIONS_DIR) + u"/tokendesk_"_s + language + u".ts"_s;
}

QString translate(const char* context, const char* source, int n = -1)
{
    return QCoreApplication::translate(context, source, nullptr, n);
}

// A text the user sees, with where it came from for the failure message.
struct Shown
{
    QString text;
    QString where;
    QString objectName;
};

QList<Shown> visibleTexts(QWidget* root)
{
    QList<Shown> shown;
    const QString title = QString::fromLatin1(root->metaObject()->className());
    shown.append({root->windowTitle(), title + u" window title"_s, root->objectName()});
    const auto widgets = root->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        if (!w->isVisibleTo(root))
            continue;
        const QString where = u"%1 %2"_s.arg(QString::fromLatin1(w->metaObject()->className()), w->objectName());
        if (auto* label = qobject_cast<QLabel*>(w)) {
            shown.append({label->text(), where, w->objectName()});
        } else if (auto* button = qobject_cast<QAbstractButton*>(w)) {
            shown.append({button->text(), where, w->objectName()});
        } else if (auto* box = qobject_cast<QGroupBox*>(w)) {
            shown.append({box->title(), where, w->objectName()});
        } else if (auto* combo = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                shown.append({combo->itemText(i), where + u" item %1"_s.arg(i), w->objectName()});
        } else if (auto* edit = qobject_cast<QLineEdit*>(w)) {
            shown.append({edit->placeholderText(), where + u" placeholder"_s, w->objectName()});
        } else if (auto* plain = qobject_cast<QPlainTextEdit*>(w)) {
            shown.append({plain->placeholderText(), where + u" placeholder"_s, w->objectName()});
        }
    }
    shown.removeIf([](const Shown& s) { return s.text.isEmpty(); });
    return shown;
}

QStringList textsOf(const QList<Shown>& shown)
{
    QStringList texts;
    for (const Shown& s : shown)
        texts.append(s.text);
    return texts;
}

QLabel* labelFor(QWidget* root, const QString& fieldName)
{
    const auto labels = root->findChildren<QLabel*>();
    for (QLabel* label : labels) {
        if (label->buddy() && label->buddy()->objectName() == fieldName)
            return label;
    }
    return nullptr;
}

QStringList comboItems(QWidget* root, const QString& objectName)
{
    QStringList items;
    if (auto* combo = root->findChild<QComboBox*>(objectName)) {
        for (int i = 0; i < combo->count(); ++i)
            items.append(combo->itemText(i));
    }
    return items;
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

private:
    std::unique_ptr<QTranslator> m_german;
    QSet<QString> m_englishSources;             // every source text of the German .ts
    QList<QRegularExpression> m_germanPatterns; // every German translation, placeholders as wildcards
    QSet<QString> m_allowed;                    // shown texts that may stay as they are (see initTestCase)

    // Problems of the dialog's shown texts: English left in, or a text that is no German translation at all.
    QStringList sweep(QWidget* root, const QSet<QString>& checkedElsewhere) const
    {
        QStringList problems;
        const QList<Shown> shown = visibleTexts(root);
        for (const Shown& s : shown) {
            if (m_allowed.contains(s.text) || checkedElsewhere.contains(s.objectName))
                continue;
            if (s.text.size() > 3 && m_englishSources.contains(s.text)) {
                problems.append(u"English left in %1: \"%2\""_s.arg(s.where, s.text));
                continue;
            }
            const bool german = std::any_of(m_germanPatterns.cbegin(), m_germanPatterns.cend(),
                                            [&](const QRegularExpression& re) { return re.match(s.text).hasMatch(); });
            if (!german)
                problems.append(u"not a German translation in %1: \"%2\""_s.arg(s.where, s.text));
        }
        return problems;
    }

private slots:
    void initTestCase();
    void tsFile_data();
    void tsFile();
    void embeddedQm_data();
    void embeddedQm();
    void germanLoginDialog();
    void germanRotateDialog();
    void germanGenerateDialog();
    void germanMainWindow();
    void chosenLanguage_data();
    void chosenLanguage();
    void noMnemonicClashes_data();
    void noMnemonicClashes();
    void cleanupTestCase();
};

void TestTranslations::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const TsFile de = readTs(tsPath(u"de"_s));
    QVERIFY2(de.error.isEmpty(), qPrintable(de.error));
    static const QRegularExpression placeholder(u"%(?:L?[1-9]|L?n)"_s);
    static const QRegularExpression letters(u"\\p{L}"_s);
    for (const TsMessage& m : de.messages) {
        m_englishSources.insert(m.source);
        for (const QString& translation : m.translations) {
            QString stripped = translation;
            stripped.remove(placeholder);
            if (stripped != translation && stripped.count(letters) < 4)
                continue; // "%1 (%2)", "vor %1": too little text around the placeholders to tell a translation by
            // Tool buttons show an action's text without its accelerator mark: both forms count.
            QStringList forms{translation};
            if (translation.contains(u'&'))
                forms.append(QString(translation).remove(u'&'));
            for (const QString& form : std::as_const(forms)) {
                QStringList parts;
                qsizetype last = 0;
                for (auto it = placeholder.globalMatch(form); it.hasNext();) {
                    const QRegularExpressionMatch match = it.next();
                    parts.append(QRegularExpression::escape(form.mid(last, match.capturedStart() - last)));
                    last = match.capturedEnd();
                }
                parts.append(QRegularExpression::escape(form.mid(last)));
                m_germanPatterns.append(QRegularExpression(QRegularExpression::anchoredPattern(parts.join(u".+"_s))));
            }
        }
    }
    QVERIFY(!m_germanPatterns.isEmpty());

    // Texts that stay as they are in German:
    m_allowed = {
        u"&Name:"_s,                  // the same word in German
        u"Private Tokens"_s,          // likewise
        u"Name"_s,                    //
        u"Status"_s,                  //
        u"Details"_s,                 //
        u"OK"_s,                      // Qt's standard buttons: translated by Qt's own qtbase_de.qm, not by us
        u"Cancel"_s,                  //
        u"https://api.example.com"_s, // an example address
    };
    // Scope names, their groups and descriptions come from the server's catalog (GET /scopes): data, not UI text.
    const td::protocol::ScopeCatalog catalog = td::protocol::ScopeCatalog::defaults();
    for (const td::protocol::ScopeInfo& scope : catalog.scopes())
        m_allowed << scope.name << scope.group << scope.description;

    m_german = std::make_unique<QTranslator>();
    QVERIFY(m_german->load(u":/i18n/tokendesk_de.qm"_s));
    QVERIFY(QCoreApplication::installTranslator(m_german.get()));
}

void TestTranslations::cleanupTestCase()
{
    QCoreApplication::removeTranslator(m_german.get());
}

void TestTranslations::tsFile_data()
{
    QTest::addColumn<QString>("language");
    QTest::newRow("de") << u"de"_s;
    QTest::newRow("fr") << u"fr"_s;
}

void TestTranslations::tsFile()
{
    QFETCH(QString, language);
    const TsFile ts = readTs(tsPath(language));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QCOMPARE(ts.language, language);
    QVERIFY(ts.messages.size() > 100);
    const int forms = expectedNumerusForms(language);
    QVERIFY2(forms > 0, "add the language's numerus form count");

    QStringList problems;
    for (const TsMessage& m : ts.messages) {
        const QString where = u"[%1] \"%2\""_s.arg(m.context, m.source);
        if (m.type == u"unfinished"_s)
            problems.append(u"unfinished: "_s + where);
        else if (m.type == u"vanished"_s || m.type == u"obsolete"_s)
            problems.append(m.type + u": "_s + where);
        else if (!m.type.isEmpty())
            problems.append(u"unknown type \"%1\": %2"_s.arg(m.type, where));
        if (m.numerus && m.translations.size() != forms)
            problems.append(u"%1 numerus forms instead of %2: %3"_s.arg(m.translations.size()).arg(forms).arg(where));
        if (m.translations.isEmpty())
            problems.append(u"no translation: "_s + where);
        const QStringList expected = placeholders(m.source);
        for (const QString& translation : m.translations) {
            if (translation.trimmed().isEmpty()) {
                problems.append(u"empty translation: "_s + where);
                continue;
            }
            const QStringList found = placeholders(translation);
            if (found != expected) {
                problems.append(u"placeholders %1 instead of %2: %3 -> \"%4\""_s.arg(
                    found.join(u' '), expected.join(u' '), where, translation));
            }
        }
    }
    QVERIFY2(problems.isEmpty(), qPrintable(u"\n"_s + problems.join(u'\n')));
}

void TestTranslations::embeddedQm_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("connectTitle");
    QTest::newRow("de") << u"de"_s << u"Mit einer API verbinden"_s;
    QTest::newRow("fr") << u"fr"_s << u"Se connecter à une API"_s;
}

void TestTranslations::embeddedQm()
{
    QFETCH(QString, language);
    QFETCH(QString, connectTitle);
    QTranslator byPath;
    QVERIFY(byPath.load(u":/i18n/tokendesk_%1.qm"_s.arg(language)));
    QVERIFY(!byPath.isEmpty());
    QCOMPARE(byPath.language(), language);
    QCOMPARE(byPath.translate("td::ui::LoginDialog", "Connect to an API"), connectTitle);
    // As app/main.cpp finds it: by locale.
    QTranslator byLocale;
    QVERIFY(byLocale.load(QLocale(language), u"tokendesk"_s, u"_"_s, u":/i18n"_s));
    QCOMPARE(byLocale.translate("td::ui::LoginDialog", "Connect to an API"), connectTitle);
}

void TestTranslations::germanLoginDialog()
{
    td::ui::LoginDialog dialog;
    const QList<Shown> shown = visibleTexts(&dialog);
    const QStringList texts = textsOf(shown);

    // Known German, literally: a lost translation fails here even if translate() would agree with itself.
    QCOMPARE(dialog.windowTitle(), u"Mit einer API verbinden"_s);
    QCOMPARE(labelFor(&dialog, u"profileCombo"_s)->text(), u"&Profil:"_s);
    QCOMPARE(labelFor(&dialog, u"profileNameEdit"_s)->text(), u"Profil&name:"_s);
    QCOMPARE(labelFor(&dialog, u"urlEdit"_s)->text(), u"Server&adresse:"_s);
    QCOMPARE(labelFor(&dialog, u"environmentCombo"_s)->text(), u"&Umgebung:"_s);
    QCOMPARE(labelFor(&dialog, u"methodCombo"_s)->text(), u"Anmelden &mit:"_s);
    QCOMPARE(labelFor(&dialog, u"emailEdit"_s)->text(), u"&E-Mail-Adresse:"_s);
    QCOMPARE(labelFor(&dialog, u"secretEdit"_s)->text(), u"Pass&wort:"_s);
    QCOMPARE(labelFor(&dialog, u"tenantEdit"_s)->text(), u"Standardman&dant:"_s);
    QCOMPARE(labelFor(&dialog, u"caFileEdit"_s)->text(), u"&CA-Datei:"_s);
    QCOMPARE(labelFor(&dialog, u"pinEdit"_s)->text(), u"Schlüssel-P&in:"_s);
    QCOMPARE(dialog.findChild<QPushButton*>(u"connectButton"_s)->text(), u"&Verbinden"_s);
    QCOMPARE(dialog.findChild<QAbstractButton*>(u"rememberCheck"_s)->text(),
             u"Anmeldung auf diesem Computer me&rken (im Schlüsselbund des Systems)"_s);
    QCOMPARE(comboItems(&dialog, u"profileCombo"_s), QStringList{u"Neue Verbindung…"_s});
    QCOMPARE(comboItems(&dialog, u"environmentCombo"_s),
             (QStringList{u"Produktion"_s, u"Vorproduktion"_s, u"Entwicklung"_s}));
    QCOMPARE(comboItems(&dialog, u"methodCombo"_s),
             (QStringList{u"E-Mail-Adresse und Passwort"_s, u"Gespeicherter Admin-API-Schlüssel"_s,
                          u"Gespeichertes privates Token"_s}));
    // A new connection has no name and no environment until the user gives them (never silently Production).
    QVERIFY(dialog.findChild<QLineEdit*>(u"profileNameEdit"_s)->text().isEmpty());
    QCOMPARE(dialog.findChild<QComboBox*>(u"environmentCombo"_s)->currentIndex(), -1);
    QCOMPARE(dialog.findChild<QComboBox*>(u"environmentCombo"_s)->placeholderText(), u"Auswählen…"_s);
    QCOMPARE(dialog.findChild<QLabel*>(u"loginMessage"_s)->text(),
             u"Geben Sie eine Serveradresse wie https://api.example.com ein."_s);

    // And as translate() has them, each one changed from its English source.
    static const char* const context = "td::ui::LoginDialog";
    for (const char* source : {"Connect to an API",
                               "&Profile:",
                               "&Name:",
                               "&Server:",
                               "&Environment:",
                               "Sign in wit&h:",
                               "E-&mail:",
                               "Pass&word:",
                               "&Remember me on this computer (in the system keychain)",
                               "optional",
                               "Default &tenant:",
                               "optional PEM file of a private CA",
                               "C&A file:",
                               "optional SHA-256 of the server's public key, base64",
                               "Key p&in:",
                               "&Connect",
                               "New connection…",
                               "E-mail and password",
                               "Stored admin API key",
                               "Stored private token"}) {
        const QString german = translate(context, source);
        QVERIFY2(texts.contains(german), source);
        if (!m_allowed.contains(german))
            QVERIFY2(german != QString::fromUtf8(source), source);
    }
    for (const char* source : {"Production", "Staging", "Development"})
        QVERIFY2(texts.contains(translate("ConnectionProfile", source)), source);

    const QStringList problems = sweep(&dialog, {});
    QVERIFY2(problems.isEmpty(), qPrintable(u"\n"_s + problems.join(u'\n')));

    // The token sign-in swaps the password label for its own.
    dialog.findChild<QComboBox*>(u"methodCombo"_s)->setCurrentIndex(1);
    QCOMPARE(labelFor(&dialog, u"secretEdit"_s)->text(), u"&Token (leer: gespeichertes verwenden):"_s);
    QCOMPARE(labelFor(&dialog, u"secretEdit"_s)->text(), translate(context, "&Token (empty: use the stored one):"));
}

void TestTranslations::germanRotateDialog()
{
    td::ui::RotateDialog dialog(u"Billing"_s);
    const QStringList texts = textsOf(visibleTexts(&dialog));

    QCOMPARE(dialog.windowTitle(), u"„Billing“ rotieren"_s);
    QCOMPARE(dialog.windowTitle(), translate("td::ui::RotateDialog", "Rotate \"%1\"").arg(u"Billing"_s));
    QVERIFY(texts.contains(translate("td::ui::RotateDialog",
                                     "A new secret replaces \"%1\" with the same name, scopes and allowlist. The old "
                                     "secret keeps working for the grace period, so that its users can switch over.")
                               .arg(u"Billing"_s)));
    QVERIFY(texts.contains(u"Ein neues Geheimnis ersetzt „Billing“ – mit demselben Namen, demselben "
                           u"Berechtigungsumfang und derselben Zulassungsliste. Das alte Geheimnis bleibt während der "
                           u"Übergangsfrist gültig, damit seine Nutzer umstellen können."_s));
    QCOMPARE(labelFor(&dialog, u"graceCombo"_s)->text(), u"Übergangs&frist:"_s);
    QCOMPARE(labelFor(&dialog, u"graceCombo"_s)->text(), translate("td::ui::RotateDialog", "&Grace period:"));
    QCOMPARE(dialog.findChild<QPushButton*>(u"rotateButton"_s)->text(), u"&Rotieren"_s);
    QCOMPARE(comboItems(&dialog, u"graceCombo"_s),
             (QStringList{u"Keine: Das alte Geheimnis wird sofort ungültig"_s, u"1 Stunde"_s, u"24 Stunden"_s,
                          u"7 Tage"_s, u"30 Tage"_s}));
    for (const char* source :
         {"None: the old secret stops now", "1 hour", "24 hours", "7 days", "30 days", "&Rotate"}) {
        const QString german = translate("td::ui::RotateDialog", source);
        QVERIFY2(texts.contains(german), source);
        QVERIFY2(german != QString::fromUtf8(source), source);
    }

    const QStringList problems = sweep(&dialog, {});
    QVERIFY2(problems.isEmpty(), qPrintable(u"\n"_s + problems.join(u'\n')));
}

void TestTranslations::germanGenerateDialog()
{
    td::ui::GenerateDialog dialog(CredentialKind::ApiKey, td::protocol::ScopeCatalog::defaults());
    const QStringList texts = textsOf(visibleTexts(&dialog));
    static const char* const context = "td::ui::GenerateDialog";

    QCOMPARE(dialog.windowTitle(), u"API-Schlüssel erzeugen"_s);
    QCOMPARE(dialog.windowTitle(), translate("CredentialKind", "Generate API key"));
    QCOMPARE(labelFor(&dialog, u"nameEdit"_s)->text(), u"&Name:"_s);
    QCOMPARE(labelFor(&dialog, u"descriptionEdit"_s)->text(), u"&Beschreibung:"_s);
    QCOMPARE(labelFor(&dialog, u"expiryCombo"_s)->text(), u"Ab&lauf:"_s);
    QCOMPARE(labelFor(&dialog, u"allowlistEdit"_s)->text(), u"IP-&Zulassungsliste:"_s);
    QVERIFY(texts.contains(u"Berechtigungs&umfang:"_s));
    QCOMPARE(dialog.findChild<QPushButton*>(u"generateButton"_s)->text(), u"&Generieren"_s);
    QCOMPARE(comboItems(&dialog, u"expiryCombo"_s),
             (QStringList{u"7 Tage"_s, u"30 Tage"_s, u"90 Tage"_s, u"1 Jahr"_s, u"Eigenes Datum"_s, u"Nie"_s}));
    QCOMPARE(dialog.findChild<QLineEdit*>(u"nameEdit"_s)->placeholderText(),
             u"Verwendungszweck, z. B. „Lagersynchronisation“"_s);
    // Nothing is filled in yet: the reasons name what is missing, sentence by sentence.
    QCOMPARE(dialog.findChild<QLabel*>(u"reasonLabel"_s)->text(),
             u"Geben Sie einen Namen ein. Wählen Sie mindestens einen Berechtigungsumfang aus."_s);
    QCOMPARE(dialog.findChild<QLabel*>(u"reasonLabel"_s)->text(),
             translate(context, "Enter a name.") + u' ' + translate(context, "Choose at least one scope."));

    for (const char* source : {"&Description:", "&Scopes:", "&Expires:", "&IP allowlist:", "&Generate",
                               "What uses it, e.g. \"Warehouse sync\"",
                               "One address or network per line, e.g. 10.20.0.0/16 or 2001:db8::/32.\n"
                               "Empty: any address."}) {
        const QString german = translate(context, source);
        QVERIFY2(texts.contains(german), source);
        QVERIFY2(german != QString::fromUtf8(source), source);
    }
    // The expiry chooser (shared with the Rotate dialog) speaks German too.
    for (const char* source : {"7 days", "30 days", "90 days", "1 year", "Custom date", "Never"}) {
        const QString german = translate("td::ui::ExpiryChooser", source);
        QVERIFY2(texts.contains(german), source);
        QVERIFY2(german != QString::fromUtf8(source), source);
    }

    // Typing a bad network shows the CIDR message in German too.
    dialog.findChild<QPlainTextEdit*>(u"allowlistEdit"_s)->setPlainText(u"10.0.0.1/40"_s);
    const QString allowlistError = dialog.findChild<QLabel*>(u"allowlistError"_s)->text();
    QVERIFY2(allowlistError.startsWith(u"Zeile 1: Die Präfixlänge in „10.0.0.1/40“ muss"_s),
             qPrintable(allowlistError));

    const QStringList problems = sweep(&dialog, {u"reasonLabel"_s});
    QVERIFY2(problems.isEmpty(), qPrintable(u"\n"_s + problems.join(u'\n')));
}

void TestTranslations::germanMainWindow()
{
    QStandardPaths::setTestModeEnabled(true);
    td::app::ApiClient client;
    td::app::Session session(&client);
    td::app::ClipboardGuard clipboard;
    td::ui::MainWindow window(&client, &session, &clipboard);
    window.show();
    QApplication::processEvents();

    // Navigation, toolbars, menus and table headers of the main window, in German.
    auto* nav = window.findChild<QListWidget*>(u"navigation"_s);
    QVERIFY(nav);
    QStringList navTexts;
    for (int i = 0; i < nav->count(); ++i)
        navTexts.append(nav->item(i)->text());
    QVERIFY2(navTexts.contains(u"API-Schlüssel"_s), qPrintable(navTexts.join(u", "_s)));
    for (const QString& text : std::as_const(navTexts))
        QVERIFY2(!m_englishSources.contains(text) || m_allowed.contains(text), qPrintable(text));
    const QList<QAction*> actions = window.findChildren<QAction*>();
    for (QAction* action : actions) {
        const QString text = action->text();
        if (text.isEmpty() || m_allowed.contains(text) || action->objectName().startsWith(u"language_"_s))
            continue;
        QVERIFY2(!m_englishSources.contains(text), qPrintable(u"English action: "_s + text));
    }
    QCOMPARE(window.findChild<QAction*>(u"generateAction"_s)->text(),
             QCoreApplication::translate("td::ui::CredentialsPage", "&Generate…"));
    QVERIFY(window.findChild<QAction*>(u"generateAction"_s)->text() != u"&Generate…"_s);
    auto* page = window.page(td::app::CredentialKind::ApiKey);
    for (int c = 0; c < td::app::CredentialModel::ColumnCount; ++c) {
        const QString header = page->proxy()->headerData(c, Qt::Horizontal).toString();
        QVERIFY2(!m_englishSources.contains(header) || m_allowed.contains(header), qPrintable(header));
    }
    QCOMPARE(page->proxy()->headerData(td::app::CredentialModel::Expires, Qt::Horizontal).toString(),
             QCoreApplication::translate("td::app::CredentialModel", "Expires"));
    // Every label, button and combo box shown, apart from the ones that show data (profile, URL, user).
    QCOMPARE(window.windowTitle(), QCoreApplication::translate("td::ui::MainWindow", "TokenDesk — %1").arg(QString()));
    // The language can be chosen instead of the system's; app/main.cpp reads this setting at start.
    window.findChild<QAction*>(u"language_fr"_s)->trigger();
    QCOMPARE(QSettings().value(u"language"_s).toString(), u"fr"_s);
    window.findChild<QAction*>(u"language_system"_s)->trigger();
    QCOMPARE(QSettings().value(u"language"_s).toString(), QString());
    const QStringList problems =
        sweep(&window, {u"mainWindow"_s, u"environmentLabel"_s, u"profileLabel"_s, u"userLabel"_s, u"detailsPane"_s,
                        u"localReport"_s, u"serverReport"_s});
    QVERIFY2(problems.isEmpty(), qPrintable(u"\n"_s + problems.join(u'\n')));
}

// The language chosen in the settings rules dates and Qt's own buttons as well as TokenDesk's words; a language
// TokenDesk does not speak gets English words with real plurals ("1 day", never "day(s)") and its own dates.
void TestTranslations::chosenLanguage_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("longDate");
    QTest::addColumn<QString>("inOneDay");
    QTest::addColumn<QString>("inThreeDays");
    QTest::addColumn<QString>("cancel");
    QTest::newRow("de") << u"de"_s << u"Sonntag, 29. November 2026"_s << u"in 24 Stunden"_s << u"in 3 Tagen"_s
                        << u"Abbrechen"_s;
    QTest::newRow("fr") << u"fr"_s << u"dimanche 29 novembre 2026"_s << u"dans 24 heures"_s << u"dans 3 jours"_s
                        << u"Annuler"_s;
    QTest::newRow("en") << u"en"_s << u"Sunday, November 29, 2026"_s << u"in 24 hours"_s << u"in 3 days"_s
                        << u"Cancel"_s;
    QTest::newRow("es, not spoken") << u"es"_s << u"domingo, 29 de noviembre de 2026"_s << u"in 24 hours"_s
                                    << u"in 3 days"_s << u"Cancelar"_s;
}

void TestTranslations::chosenLanguage()
{
    QFETCH(QString, language);
    QFETCH(QString, longDate);
    QFETCH(QString, inOneDay);
    QFETCH(QString, inThreeDays);
    QFETCH(QString, cancel);
    QCoreApplication::removeTranslator(m_german.get());
    const QLocale previous;
    auto restore = qScopeGuard([&] {
        QLocale::setDefault(previous);
        QSettings().remove(u"language"_s);
        QCoreApplication::installTranslator(m_german.get());
    });
    QSettings().setValue(u"language"_s, language);
    QObject owner;
    td::ui::installTranslators(&owner);
    QCOMPARE(QLocale().toString(QDate(2026, 11, 29), QLocale::LongFormat), longDate);
    const QDateTime now(QDate(2026, 11, 29), QTime(12, 0), Qt::UTC);
    QCOMPARE(td::app::CredentialModel::relativeTime(now.addDays(1), now), inOneDay);
    QCOMPARE(td::app::CredentialModel::relativeTime(now.addDays(3), now), inThreeDays);
    QCOMPARE(td::app::CredentialModel::relativeTime(now.addSecs(3600), now).contains(u"(s)"_s), false);
    // Qt's own standard buttons, from qtbase's translations.
    QDialogButtonBox buttons(QDialogButtonBox::Cancel);
    QCOMPARE(buttons.button(QDialogButtonBox::Cancel)->text().remove(u'&'), cancel);
}

namespace {

// The letter after a single '&' (lower-case), or a null QChar.
QChar mnemonicOf(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != u'&')
            continue;
        if (text.at(i + 1) == u'&') {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// Alt+letter targets that one window offers at once: its menu bar, and every label, button, group box and tool
// button the user can see. Two with one letter: Alt+letter reaches only one of them.
QStringList mnemonicClashes(QWidget* window)
{
    QMultiHash<QChar, QString> owners;
    auto note = [&](const QString& text, const QString& what) {
        const QChar letter = mnemonicOf(text);
        if (!letter.isNull())
            owners.insert(letter, what + u" \""_s + text + u'"');
    };
    if (auto* main = qobject_cast<QMainWindow*>(window)) {
        for (QAction* action : main->menuBar()->actions())
            note(action->text(), u"menu"_s);
    }
    const QList<QWidget*> widgets = window->findChildren<QWidget*>();
    for (QWidget* w : widgets) {
        if (!w->isVisibleTo(window) || w->window() != window)
            continue;
        if (auto* label = qobject_cast<QLabel*>(w); label && label->buddy())
            note(label->text(), u"label"_s);
        else if (auto* button = qobject_cast<QAbstractButton*>(w))
            note(button->text(), u"button"_s);
        else if (auto* group = qobject_cast<QGroupBox*>(w))
            note(group->title(), u"group"_s);
    }
    QStringList clashes;
    const QList<QChar> letters = owners.uniqueKeys();
    for (QChar letter : letters) {
        const QStringList who = owners.values(letter);
        if (who.size() > 1)
            clashes.append(u"Alt+%1: %2"_s.arg(letter, who.join(u", "_s)));
    }
    return clashes;
}

} // namespace

void TestTranslations::noMnemonicClashes_data()
{
    QTest::addColumn<QString>("language");
    for (const char* language : {"en", "de", "fr"})
        QTest::newRow(language) << QString::fromLatin1(language);
}

// In every language, no window offers one Alt+letter twice: the main window with each of its pages shown, and the
// dialogs (login, connection editor, generate, rotate).
void TestTranslations::noMnemonicClashes()
{
    QFETCH(QString, language);
    QCoreApplication::removeTranslator(m_german.get());
    auto restore = qScopeGuard([&] { QCoreApplication::installTranslator(m_german.get()); });
    QTranslator translator;
    QVERIFY(translator.load(u":/i18n/tokendesk_%1.qm"_s.arg(language)));
    QCoreApplication::installTranslator(&translator);
    auto uninstall = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });

    QStringList problems;
    {
        td::app::ApiClient client;
        td::app::Session session(&client);
        td::app::ClipboardGuard clipboard;
        td::ui::MainWindow window(&client, &session, &clipboard);
        window.resize(1200, 720);
        window.show();
        auto* nav = window.findChild<QListWidget*>(u"navigation"_s);
        for (int page = 0; page < nav->count(); ++page) {
            nav->setCurrentRow(page);
            QApplication::processEvents();
            for (const QString& clash : mnemonicClashes(&window))
                problems.append(nav->item(page)->text() + u": "_s + clash);
        }
    }
    {
        td::ui::LoginDialog login;
        login.show();
        for (const QString& clash : mnemonicClashes(&login))
            problems.append(u"login: "_s + clash);
        td::ui::LoginDialog editor;
        editor.setEditing({}, {});
        editor.show();
        for (const QString& clash : mnemonicClashes(&editor))
            problems.append(u"connection editor: "_s + clash);
    }
    for (auto kind : {CredentialKind::ApiKey, CredentialKind::Uat, CredentialKind::PrivateToken}) {
        td::ui::GenerateDialog generate(kind, td::protocol::ScopeCatalog::defaults());
        generate.show();
        for (const QString& clash : mnemonicClashes(&generate))
            problems.append(u"generate: "_s + clash);
        td::ui::RotateDialog rotate(u"Billing"_s, kind);
        rotate.show();
        for (const QString& clash : mnemonicClashes(&rotate))
            problems.append(u"rotate: "_s + clash);
    }
    QVERIFY2(problems.isEmpty(), qPrintable(u"\n"_s + problems.join(u'\n')));
}

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
