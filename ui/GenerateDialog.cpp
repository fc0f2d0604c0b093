#include "GenerateDialog.h"

#include "ExpiryChooser.h"
#include "protocol/Cidr.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMap>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace td::ui {

namespace {

QLabel* errorLabel(const QString& name, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(name);
    label->setStyleSheet(u"color: #b00020;"_s);
    label->setWordWrap(true);
    label->hide();
    return label;
}

void showError(QLabel* label, const QString& text)
{
    label->setText(text);
    label->setVisible(!text.isEmpty());
}

} // namespace

GenerateDialog::GenerateDialog(app::CredentialKind kind, const protocol::ScopeCatalog& catalog,
                               const app::Limits& limits, QWidget* parent)
    : QDialog(parent)
    , m_kind(kind)
{
    const app::CredentialKindInfo& info = app::kindInfo(kind);
    setObjectName(u"generateDialog"_s);
    setWindowTitle(app::generateTitle(kind));
    setMinimumWidth(560);
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    layout->addLayout(form);

    m_name = new QLineEdit(this);
    m_name->setObjectName(u"nameEdit"_s);
    m_name->setMaxLength(100);
    m_name->setPlaceholderText(tr("What uses it, e.g. \"Warehouse sync\""));
    m_name->setAccessibleName(tr("Name"));
    m_nameError = errorLabel(u"nameError"_s, this);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_nameError);

    m_description = new QLineEdit(this);
    m_description->setObjectName(u"descriptionEdit"_s);
    m_description->setMaxLength(500);
    m_description->setAccessibleName(tr("Description"));
    form->addRow(tr("&Description:"), m_description);

    // Scopes grouped as the server's catalog groups them, each with its description.
    auto* scopesBox = new QWidget(this);
    auto* scopesLayout = new QVBoxLayout(scopesBox);
    scopesLayout->setContentsMargins(0, 0, 0, 0);
    QMap<QString, QList<protocol::ScopeInfo>> groups;
    for (const protocol::ScopeInfo& scope : catalog.scopes()) {
        if (scope.appliesTo.contains(info.wireName))
            groups[scope.group.isEmpty() ? tr("Other") : scope.group].append(scope);
    }
    for (auto it = groups.cbegin(); it != groups.cend(); ++it) {
        auto* group = new QGroupBox(it.key(), scopesBox);
        auto* groupLayout = new QVBoxLayout(group);
        for (const protocol::ScopeInfo& scope : it.value()) {
            auto* box = new QCheckBox(scope.name, group);
            box->setObjectName(u"scope_"_s + scope.name);
            box->setToolTip(scope.description);
            box->setAccessibleName(scope.name);
            box->setAccessibleDescription(scope.description);
            auto* description = new QLabel(scope.description, group);
            description->setWordWrap(true);
            description->setIndent(24);
            description->setStyleSheet(u"color: palette(mid);"_s);
            groupLayout->addWidget(box);
            groupLayout->addWidget(description);
            m_scopeBoxes.insert(scope.name, box);
            connect(box, &QCheckBox::toggled, this, &GenerateDialog::validate);
        }
        scopesLayout->addWidget(group);
    }
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(scopesBox);
    scroll->setWidgetResizable(true);
    scroll->setMinimumHeight(180);
    m_scopesError = errorLabel(u"scopesError"_s, this);
    form->addRow(info.rightsField == u"permissions"_s ? tr("&Permissions:") : tr("&Scopes:"), scroll);
    form->addRow(QString(), m_scopesError);

    m_expiry = new ExpiryChooser(kind, limits, this);
    auto* expiryLabel = new QLabel(info.expiryIsDate ? tr("&Valid until:") : tr("&Expires:"), this);
    expiryLabel->setBuddy(m_expiry->combo()); // a layout row gets no buddy by itself
    form->addRow(expiryLabel, m_expiry);
    connect(m_expiry, &ExpiryChooser::changed, this, &GenerateDialog::validate);

    m_allowlist = new QPlainTextEdit(this);
    m_allowlist->setObjectName(u"allowlistEdit"_s);
    m_allowlist->setAccessibleName(tr("IP allowlist"));
    m_allowlist->setPlaceholderText(tr("One address or network per line, e.g. 10.20.0.0/16 or 2001:db8::/32.\n"
                                       "Empty: any address."));
    m_allowlist->setMaximumHeight(90);
    m_allowlistError = errorLabel(u"allowlistError"_s, this);
    form->addRow(tr("&IP allowlist:"), m_allowlist);
    form->addRow(QString(), m_allowlistError);

    // Its own rate limit: at most so many requests per second, minute, hour or day (none by default).
    auto* rateRow = new QWidget(this);
    auto* rateLayout = new QHBoxLayout(rateRow);
    rateLayout->setContentsMargins(0, 0, 0, 0);
    m_rateLimited = new QCheckBox(tr("At &most"), rateRow);
    m_rateLimited->setObjectName(u"rateLimitCheck"_s);
    m_rateRequests = new QSpinBox(rateRow);
    m_rateRequests->setObjectName(u"rateRequestsSpin"_s);
    m_rateRequests->setAccessibleName(tr("Requests"));
    m_rateRequests->setRange(1, protocol::RateLimit::MaxRequests);
    m_rateRequests->setValue(100);
    m_rateWindow = new QComboBox(rateRow);
    m_rateWindow->setObjectName(u"rateWindowCombo"_s);
    m_rateWindow->setAccessibleName(tr("Per"));
    m_rateWindow->addItem(tr("requests per second"), 1);
    m_rateWindow->addItem(tr("requests per minute"), 60);
    m_rateWindow->addItem(tr("requests per hour"), 3600);
    m_rateWindow->addItem(tr("requests per day"), 86400);
    m_rateWindow->setCurrentIndex(1);
    rateLayout->addWidget(m_rateLimited);
    rateLayout->addWidget(m_rateRequests);
    rateLayout->addWidget(m_rateWindow, 1);
    const auto followCheck = [this] {
        m_rateRequests->setEnabled(m_rateLimited->isChecked());
        m_rateWindow->setEnabled(m_rateLimited->isChecked());
    };
    connect(m_rateLimited, &QCheckBox::toggled, this, followCheck);
    followCheck();
    connect(m_rateLimited, &QCheckBox::toggled, this, &GenerateDialog::validate);
    connect(m_rateRequests, &QSpinBox::valueChanged, this, &GenerateDialog::validate);
    connect(m_rateWindow, &QComboBox::currentIndexChanged, this, &GenerateDialog::validate);
    m_rateError = errorLabel(u"rateLimitError"_s, this);
    auto* rateLabel = new QLabel(tr("&Rate limit:"), this);
    rateLabel->setBuddy(m_rateLimited);
    form->addRow(rateLabel, rateRow);
    form->addRow(QString(), m_rateError);
    connect(m_allowlist, &QPlainTextEdit::textChanged, this, &GenerateDialog::validate);
    connect(m_name, &QLineEdit::textChanged, this, &GenerateDialog::validate);

    m_reason = new QLabel(this);
    m_reason->setObjectName(u"reasonLabel"_s);
    m_reason->setWordWrap(true);
    layout->addWidget(m_reason);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Generate"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"generateButton"_s);
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] {
        if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            emit submitted(request());
    });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // Enter submits or does nothing; it never discards what was typed (only Cancel and Escape do).
    m_buttons->button(QDialogButtonBox::Ok)->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    validate();
}

void GenerateDialog::keyPressEvent(QKeyEvent* event)
{
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && event->modifiers() == Qt::NoModifier) {
        if (m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
            m_buttons->button(QDialogButtonBox::Ok)->click();
        event->accept();
        return;
    }
    QDialog::keyPressEvent(event);
}

void GenerateDialog::setExpiryPreset(ExpiryPreset preset)
{
    m_expiry->setPreset(preset);
}

void GenerateDialog::setEditing(const protocol::ApiKeyDto& record)
{
    m_editing = true;
    setObjectName(u"editDialog"_s);
    setWindowTitle(tr("Edit \"%1\"").arg(record.name));
    m_name->setText(record.name);
    m_description->setText(record.description);
    m_allowlist->setPlainText(record.ipAllowlist.join(u'\n'));
    m_rateLimited->setChecked(record.rateLimit.isSet());
    if (record.rateLimit.isSet()) {
        m_rateRequests->setValue(record.rateLimit.requests);
        int window = m_rateWindow->findData(record.rateLimit.perSeconds);
        if (window < 0) { // a window set through the API: offered as it is
            m_rateWindow->addItem(tr("requests per %n second(s)", nullptr, record.rateLimit.perSeconds),
                                  record.rateLimit.perSeconds);
            window = m_rateWindow->count() - 1;
        }
        m_rateWindow->setCurrentIndex(window);
    }
    for (auto it = m_scopeBoxes.cbegin(); it != m_scopeBoxes.cend(); ++it) {
        it.value()->setChecked(record.scopes.contains(it.key()));
        it.value()->setEnabled(false); // rights are not changed in place: rotate, or generate another
    }
    m_expiry->setEnabled(false);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(u"saveButton"_s);
    validate();
}

void GenerateDialog::addAllowlistEntry(const QString& entry)
{
    QString text = m_allowlist->toPlainText().trimmed();
    if (!text.isEmpty())
        text += u'\n';
    m_allowlist->setPlainText(text + entry);
}

app::NewCredential GenerateDialog::request() const
{
    app::NewCredential r;
    r.name = m_name->text().trimmed();
    r.description = m_description->text().trimmed();
    for (auto it = m_scopeBoxes.cbegin(); it != m_scopeBoxes.cend(); ++it) {
        if (it.value()->isChecked())
            r.scopes.append(it.key());
    }
    r.scopes.sort();
    r.expiresAt = m_expiry->expiry().value_or(QDateTime());
    if (m_rateLimited->isChecked())
        r.rateLimit = {m_rateRequests->value(), m_rateWindow->currentData().toInt()};
    const QStringList lines = m_allowlist->toPlainText().split(u'\n', Qt::SkipEmptyParts);
    for (const QString& line : lines) {
        if (!line.trimmed().isEmpty())
            r.ipAllowlist.append(line.trimmed());
    }
    return r;
}

void GenerateDialog::validate()
{
    QStringList reasons;
    const QString name = m_name->text().trimmed();
    showError(m_nameError, {});
    if (name.isEmpty())
        reasons << tr("Enter a name.");
    bool anyScope = false;
    for (QCheckBox* box : std::as_const(m_scopeBoxes))
        anyScope = anyScope || box->isChecked();
    showError(m_scopesError, {});
    if (!anyScope)
        reasons << (app::kindInfo(m_kind).rightsField == u"permissions"_s ? tr("Choose at least one permission.")
                                                                          : tr("Choose at least one scope."));
    const QString expiryProblem = m_editing ? QString() : m_expiry->problem();
    if (!expiryProblem.isEmpty())
        reasons << expiryProblem;
    // CIDR checked as you type, naming the first bad line.
    QString allowlistProblem;
    const QStringList lines = m_allowlist->toPlainText().split(u'\n');
    for (int i = 0; i < lines.size() && allowlistProblem.isEmpty(); ++i) {
        const QString line = lines.at(i).trimmed();
        QString error;
        if (!line.isEmpty() && !protocol::Cidr::parse(line, &error))
            allowlistProblem = tr("Line %1: %2").arg(i + 1).arg(error);
    }
    showError(m_allowlistError, allowlistProblem);
    showError(m_rateError, {}); // a server refusal of the limit lasts until the limit is changed
    if (!allowlistProblem.isEmpty())
        reasons << tr("Fix the IP allowlist.");
    m_reason->setText(reasons.join(u' '));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(reasons.isEmpty() && !m_busy);
}

void GenerateDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_buttons->button(QDialogButtonBox::Ok)->setText(busy ? tr("Generating…") : tr("&Generate"));
    validate();
}

void GenerateDialog::showServerError(const app::ApiError& error)
{
    setBusy(false);
    const app::CredentialKindInfo& info = app::kindInfo(m_kind);
    bool placed = false;
    // Each message beside its field, and the focus on the first field at fault, so that it can be fixed at once.
    QWidget* first = nullptr;
    auto place = [&](const QString& field, QLabel* label, QWidget* widget) {
        const QString message = error.fieldMessage(field);
        if (message.isEmpty())
            return;
        showError(label, message);
        placed = true;
        if (!first)
            first = widget;
    };
    place(u"name"_s, m_nameError, m_name);
    place(info.rightsField, m_scopesError, m_scopeBoxes.isEmpty() ? nullptr : *m_scopeBoxes.cbegin());
    if (const QString message = error.fieldMessage(info.expiryField); !message.isEmpty()) {
        m_expiry->showServerError(message);
        placed = true;
        if (!first) {
            m_expiry->focusField();
            first = m_expiry;
        }
    }
    place(u"ipAllowlist"_s, m_allowlistError, m_allowlist);
    place(u"rateLimit"_s, m_rateError, m_rateLimited);
    place(u"description"_s, m_nameError, m_description);
    if (first && first != m_expiry)
        first->setFocus(Qt::OtherFocusReason);
    m_reason->setText(placed ? tr("The server refused some fields; see the messages above.") : error.userMessage());
}

} // namespace td::ui
