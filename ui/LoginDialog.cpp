#include "LoginDialog.h"

#include "app/ApiClient.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QUrl>
#include <QUuid>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;
using td::app::ConnectionProfile;

namespace td::ui {

LoginDialog::LoginDialog(QWidget* parent)
    : QDialog(parent)
{
    setObjectName(u"loginDialog"_s);
    setWindowTitle(tr("Connect to an API"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    m_profileCombo = new QComboBox(this);
    m_profileCombo->setObjectName(u"profileCombo"_s);
    m_profileCombo->setAccessibleName(tr("Connection profile"));
    m_profileLabel = new QLabel(tr("&Profile:"), this);
    m_profileLabel->setBuddy(m_profileCombo);
    form->addRow(m_profileLabel, m_profileCombo);
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"profileNameEdit"_s);
    m_name->setAccessibleName(tr("Profile name"));
    form->addRow(tr("&Name:"), m_name);
    m_url = new QLineEdit(this);
    m_url->setObjectName(u"urlEdit"_s);
    m_url->setPlaceholderText(u"https://api.example.com"_s);
    m_url->setAccessibleName(tr("Server address"));
    form->addRow(tr("&Server:"), m_url);
    m_environment = new QComboBox(this);
    m_environment->setObjectName(u"environmentCombo"_s);
    m_environment->setAccessibleName(tr("Environment"));
    // A new connection has none: the user says which it is, it is never silently Production.
    m_environment->setPlaceholderText(tr("Choose…"));
    for (auto e : {ConnectionProfile::Environment::Production, ConnectionProfile::Environment::Staging,
                   ConnectionProfile::Environment::Development})
        m_environment->addItem(ConnectionProfile::environmentName(e), int(e));
    form->addRow(tr("&Environment:"), m_environment);
    m_method = new QComboBox(this);
    m_method->setObjectName(u"methodCombo"_s);
    m_method->setAccessibleName(tr("Sign-in method"));
    m_method->addItem(tr("E-mail and password"), int(ConnectionProfile::AuthMethod::Password));
    m_method->addItem(tr("Stored admin API key"), int(ConnectionProfile::AuthMethod::ApiKey));
    m_method->addItem(tr("Stored private token"), int(ConnectionProfile::AuthMethod::PrivateToken));
    form->addRow(tr("Sign in wit&h:"), m_method);
    m_email = new QLineEdit(this);
    m_email->setObjectName(u"emailEdit"_s);
    m_email->setAccessibleName(tr("E-mail"));
    form->addRow(tr("E-&mail:"), m_email);
    m_secretLabel = new QLabel(tr("Pass&word:"), this);
    m_secret = new QLineEdit(this);
    m_secret->setObjectName(u"secretEdit"_s);
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setAccessibleName(tr("Password or token"));
    m_secretLabel->setBuddy(m_secret);
    form->addRow(m_secretLabel, m_secret);
    m_remember = new QCheckBox(tr("&Remember me on this computer (in the system keychain)"), this);
    m_remember->setObjectName(u"rememberCheck"_s);
    form->addRow(QString(), m_remember);
    m_tenant = new QLineEdit(this);
    m_tenant->setObjectName(u"tenantEdit"_s);
    m_tenant->setPlaceholderText(tr("optional"));
    m_tenant->setAccessibleName(tr("Default tenant"));
    form->addRow(tr("Default &tenant:"), m_tenant);
    m_caFile = new QLineEdit(this);
    m_caFile->setObjectName(u"caFileEdit"_s);
    m_caFile->setPlaceholderText(tr("optional PEM file of a private CA"));
    m_caFile->setAccessibleName(tr("CA file"));
    form->addRow(tr("C&A file:"), m_caFile);
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(u"pinEdit"_s);
    m_pin->setPlaceholderText(tr("optional SHA-256 of the server's public key, base64"));
    m_pin->setAccessibleName(tr("Public key pin"));
    form->addRow(tr("Key p&in:"), m_pin);
    // Expiry notifications (the tray's, issue 15): a setting of the profile, edited under Settings → Connections.
    m_notifyRow = new QWidget(this);
    auto* notifyLayout = new QHBoxLayout(m_notifyRow);
    notifyLayout->setContentsMargins(0, 0, 0, 0);
    m_notify = new QSpinBox(m_notifyRow);
    m_notify->setObjectName(u"notifyDaysSpin"_s);
    m_notify->setRange(0, ConnectionProfile::MaxNotifyExpiryDays);
    m_notify->setSpecialValueText(tr("Off"));
    m_notify->setAccessibleName(tr("Days ahead to notify of expiring credentials"));
    m_notify->setToolTip(tr("A desktop notification for each credential of this connection that expires within this "
                            "many days, checked at start and every hour while TokenDesk runs. It signs in only with "
                            "what the system keychain holds: a remembered login or a stored token."));
    auto* notifyLabel = new QLabel(tr("Notify me about credentials e&xpiring within"), m_notifyRow);
    notifyLabel->setBuddy(m_notify);
    notifyLayout->addWidget(notifyLabel);
    notifyLayout->addWidget(m_notify);
    notifyLayout->addStretch(1);
    form->addRow(QString(), m_notifyRow);
    m_notifyRow->hide(); // shown when editing (setEditing)
    const auto updateSuffix = [this](int days) {
        m_notify->setSuffix(u' ' + tr("day(s)", "after a number", days));
    };
    updateSuffix(m_notify->value());
    connect(m_notify, &QSpinBox::valueChanged, this, updateSuffix);

    m_message = new QLabel(this);
    m_message->setObjectName(u"loginMessage"_s);
    m_message->setWordWrap(true);
    layout->addWidget(m_message);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Connect"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"connectButton"_s);
    m_setupButton = m_buttons->addButton(tr("Set &up a new account…"), QDialogButtonBox::ActionRole);
    m_setupButton->setObjectName(u"setupAccountButton"_s);
    m_setupButton->setToolTip(tr("You were invited and have a setup token: choose your password."));
    connect(m_setupButton, &QPushButton::clicked, this, &LoginDialog::openSetup);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            return;
        if (m_editing)
            emit saveRequested();
        else
            emit loginRequested();
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, &LoginDialog::loadProfile);
    for (QLineEdit* edit : {m_name, m_url, m_email, m_secret, m_caFile, m_pin})
        connect(edit, &QLineEdit::textChanged, this, &LoginDialog::validate);
    connect(m_method, &QComboBox::currentIndexChanged, this, &LoginDialog::validate);
    connect(m_environment, &QComboBox::currentIndexChanged, this, &LoginDialog::validate);
    connect(m_notify, &QSpinBox::valueChanged, this, &LoginDialog::validate);
    connect(m_remember, &QCheckBox::toggled, this, &LoginDialog::validate);
    connect(m_url, &QLineEdit::textChanged, this, [this] {
        // Without a name of its own, a connection is named after its server.
        m_name->setPlaceholderText(QUrl(m_url->text().trimmed()).host());
    });
    setProfiles({}, {});
}

void LoginDialog::setProfiles(const QList<ConnectionProfile>& profiles, const QString& currentId)
{
    m_profiles = profiles;
    QSignalBlocker block(m_profileCombo);
    m_profileCombo->clear();
    int current = 0;
    for (int i = 0; i < profiles.size(); ++i) {
        m_profileCombo->addItem(profiles.at(i).name, profiles.at(i).id);
        if (profiles.at(i).id == currentId)
            current = i;
    }
    m_profileCombo->addItem(tr("New connection…"), QString());
    m_profileCombo->setCurrentIndex(profiles.isEmpty() ? 0 : current);
    loadProfile(m_profileCombo->currentIndex());
}

void LoginDialog::setEditing(const ConnectionProfile& profile, const QStringList& takenNames)
{
    m_editing = true;
    m_editingId = profile.id;
    m_takenNames = takenNames;
    setObjectName(u"connectionEditor"_s);
    setWindowTitle(profile.name.isEmpty() ? tr("New connection") : tr("Edit connection \"%1\"").arg(profile.name));
    m_profileLabel->hide();
    m_profileCombo->hide();
    m_secretLabel->hide();
    m_secret->hide();
    m_notifyRow->show();
    m_setupButton->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Sa&ve"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"saveButton"_s);
    m_profiles = {profile};
    const QSignalBlocker block(m_profileCombo);
    m_profileCombo->clear();
    m_profileCombo->addItem(profile.name, profile.id);
    loadProfile(0);
    if (profile.name.isEmpty())
        m_environment->setCurrentIndex(-1);
}

void LoginDialog::loadProfile(int index)
{
    const bool existing = index >= 0 && index < m_profiles.size();
    const ConnectionProfile p = existing ? m_profiles.at(index) : ConnectionProfile{};
    m_name->setText(p.name);
    m_url->setText(p.baseUrl.toString());
    m_environment->setCurrentIndex(existing ? m_environment->findData(int(p.environment)) : -1);
    if (!m_editing) { // the other profiles' names are taken
        m_takenNames.clear();
        for (int i = 0; i < m_profiles.size(); ++i) {
            if (i != index)
                m_takenNames.append(m_profiles.at(i).name);
        }
    }
    m_method->setCurrentIndex(m_method->findData(int(p.authMethod)));
    m_email->setText(p.email);
    m_remember->setChecked(p.rememberLogin);
    m_tenant->setText(p.defaultTenant);
    m_caFile->setText(p.caFile);
    m_pin->setText(p.publicKeyPin);
    m_notify->setValue(p.notifyExpiryDays);
    m_secret->clear();
    validate();
}

ConnectionProfile LoginDialog::profile() const
{
    ConnectionProfile p;
    const int index = m_profileCombo->currentIndex();
    p.id = index >= 0 && index < m_profiles.size() && !m_profiles.at(index).id.isEmpty()
               ? m_profiles.at(index).id
               : QUuid::createUuid().toString(QUuid::WithoutBraces);
    p.name = m_name->text().trimmed();
    if (p.name.isEmpty())
        p.name = QUrl(m_url->text().trimmed()).host();
    p.baseUrl = QUrl(m_url->text().trimmed());
    p.environment = ConnectionProfile::Environment(m_environment->currentData().toInt());
    p.authMethod = ConnectionProfile::AuthMethod(m_method->currentData().toInt());
    p.email = m_email->text().trimmed();
    p.rememberLogin = m_remember->isChecked();
    p.defaultTenant = m_tenant->text().trimmed();
    p.caFile = m_caFile->text().trimmed();
    p.publicKeyPin = m_pin->text().trimmed();
    p.notifyExpiryDays = m_notify->value();
    return p;
}

QByteArray LoginDialog::secret() const
{
    return m_secret->text().toUtf8();
}

void LoginDialog::clearSecret()
{
    m_secret->clear();
}

void LoginDialog::openSetup()
{
    // The server is this form's: an invited person is told its address with the token.
    auto* dialog = new QDialog(this);
    dialog->setObjectName(u"setupAccountDialog"_s);
    dialog->setWindowTitle(tr("Set up your account"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto* layout = new QVBoxLayout(dialog);
    auto* intro =
        new QLabel(tr("An admin invited you and gave you a setup token. Choose your password for %1; the "
                      "token works once, within 72 hours of the invitation.")
                       .arg(m_url->text().trimmed().isEmpty() ? tr("the server above") : m_url->text().trimmed()),
                   dialog);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    auto* token = new QLineEdit(dialog);
    token->setObjectName(u"setupTokenEdit"_s);
    token->setEchoMode(QLineEdit::Password);
    token->setPlaceholderText(u"tds_…"_s);
    form->addRow(tr("Setup &token:"), token);
    auto* password = new QLineEdit(dialog);
    password->setObjectName(u"newPasswordEdit"_s);
    password->setEchoMode(QLineEdit::Password);
    form->addRow(tr("New &password:"), password);
    auto* repeat = new QLineEdit(dialog);
    repeat->setObjectName(u"repeatPasswordEdit"_s);
    repeat->setEchoMode(QLineEdit::Password);
    form->addRow(tr("&Repeat it:"), repeat);
    layout->addLayout(form);
    auto* message = new QLabel(dialog);
    message->setObjectName(u"setupMessage"_s);
    message->setWordWrap(true);
    layout->addWidget(message);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Set password"));
    ok->setObjectName(u"setPasswordButton"_s);
    layout->addWidget(buttons);
    const auto check = [=] {
        QString problem;
        if (!QUrl(m_url->text().trimmed()).isValid() || m_url->text().trimmed().isEmpty())
            problem = tr("Enter the server's address in the sign-in form first.");
        else if (token->text().trimmed().isEmpty())
            problem = tr("Paste the setup token.");
        else if (password->text().size() < 12)
            problem = tr("The password needs at least %n characters.", nullptr, 12);
        else if (repeat->text() != password->text())
            problem = tr("The two passwords differ.");
        message->setText(problem);
        ok->setEnabled(problem.isEmpty());
    };
    for (QLineEdit* edit : {token, password, repeat})
        connect(edit, &QLineEdit::textChanged, dialog, check);
    check();
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [=] {
        if (!ok->isEnabled())
            return;
        ok->setEnabled(false);
        message->setText(tr("Setting your password…"));
        QByteArray secret = password->text().toUtf8();
        emit setupRequested(profile(), token->text().trimmed().toLatin1(), secret);
        secret.fill('\0');
    });
    m_setup = dialog;
    dialog->open();
}

void LoginDialog::setupFinished(bool ok, const QString& message, const QString& email)
{
    if (!ok) {
        if (m_setup) {
            if (auto* label = m_setup->findChild<QLabel*>(u"setupMessage"_s))
                label->setText(message);
            if (auto* button = m_setup->findChild<QPushButton*>(u"setPasswordButton"_s))
                button->setEnabled(true);
        }
        return;
    }
    if (m_setup)
        m_setup->accept();
    m_method->setCurrentIndex(m_method->findData(int(ConnectionProfile::AuthMethod::Password)));
    m_email->setText(email);
    m_secret->clear();
    m_secret->setFocus();
    setMessage(message, false);
}

void LoginDialog::setMessage(const QString& message, bool error)
{
    m_message->setText(message);
    m_message->setStyleSheet(error ? u"color: #b00020;"_s : QString());
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_buttons->button(QDialogButtonBox::Ok)->setText(busy ? tr("Connecting…") : tr("&Connect"));
    validate();
}

void LoginDialog::validate()
{
    const auto method = ConnectionProfile::AuthMethod(m_method->currentData().toInt());
    const bool password = method == ConnectionProfile::AuthMethod::Password;
    m_email->setEnabled(password);
    m_secretLabel->setText(password ? tr("Pass&word:") : tr("&Token (empty: use the stored one):"));
    QString problem;
    const QString name =
        m_name->text().trimmed().isEmpty() ? QUrl(m_url->text().trimmed()).host() : m_name->text().trimmed();
    if (const QString urlProblem = app::ApiClient::checkUrl(QUrl(m_url->text().trimmed())); !urlProblem.isEmpty())
        problem = urlProblem;
    else if (m_takenNames.contains(name, Qt::CaseInsensitive))
        problem = tr("A connection named \"%1\" exists already: choose it under Profile, or give this one another "
                     "name.")
                      .arg(name);
    else if (m_environment->currentIndex() < 0)
        problem = tr("Choose the environment: production, staging or development.");
    else if (password && m_email->text().trimmed().isEmpty())
        problem = tr("Enter your e-mail address.");
    else if (password && !m_editing && m_secret->text().isEmpty() && !m_remember->isChecked())
        problem = tr("Enter your password.");
    // Not a problem, but worth knowing: without a remembered login there is nothing to check with in the background.
    QString note;
    if (m_editing && password && m_notify->value() > 0 && !m_remember->isChecked())
        note = tr("Without \"Remember me\" this connection is checked for expiring credentials only while TokenDesk "
                  "is signed in to it.");
    if (!m_busy || !problem.isEmpty())
        setMessage(problem.isEmpty() ? note : problem, false);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty() && !m_busy);
}

} // namespace td::ui
