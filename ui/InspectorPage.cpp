#include "InspectorPage.h"
#include "UsageView.h"

#include "Banner.h"
#include "app/ApiClient.h"
#include "app/CredentialModel.h"
#include "app/Jobs.h"
#include "app/Palette.h"
#include "app/TokenInspector.h"

#include <QCheckBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace td::ui {

namespace {
QString row(const QString& label, const QString& value)
{
    return u"<tr><td style='padding-right:10px;color:gray'>%1</td><td>%2</td></tr>"_s.arg(label.toHtmlEscaped(),
                                                                                          value.toHtmlEscaped());
}
} // namespace

InspectorPage::InspectorPage(app::ApiClient* client, QWidget* parent)
    : QWidget(parent)
    , m_client(client)
{
    setObjectName(u"inspectorPage"_s);
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Paste an API key, UAT, private token, refresh token or session JWT. It is checked on "
                                "this computer first; \"Check on server\" asks the server whether it is active. The "
                                "token is not stored and not shown again."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* input = new QHBoxLayout;
    m_token = new QLineEdit(this);
    m_token->setObjectName(u"tokenEdit"_s);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(tr("Paste a token"));
    m_token->setAccessibleName(tr("Token to inspect"));
    m_show = new QCheckBox(tr("Sho&w"), this);
    m_show->setObjectName(u"showCheck"_s);
    m_check = new QPushButton(tr("&Check on server"), this);
    m_check->setObjectName(u"checkButton"_s);
    input->addWidget(m_token, 1);
    input->addWidget(m_show);
    input->addWidget(m_check);
    layout->addLayout(input);
    m_banner = new Banner(u"inspectorBanner"_s, u"inspectorBannerText"_s, u"inspectorRetryButton"_s, this);
    layout->addWidget(m_banner);
    auto* localBox = new QGroupBox(tr("On this computer"), this);
    auto* localLayout = new QVBoxLayout(localBox);
    m_local = new QLabel(localBox);
    m_local->setObjectName(u"localReport"_s);
    m_local->setWordWrap(true);
    m_local->setTextInteractionFlags(Qt::TextSelectableByMouse);
    localLayout->addWidget(m_local);
    layout->addWidget(localBox);
    auto* serverBox = new QGroupBox(tr("On the server"), this);
    auto* serverLayout = new QVBoxLayout(serverBox);
    m_server = new QLabel(tr("Not checked yet."), serverBox);
    m_server->setObjectName(u"serverReport"_s);
    m_server->setWordWrap(true);
    m_server->setTextInteractionFlags(Qt::TextSelectableByMouse);
    serverLayout->addWidget(m_server);
    layout->addWidget(serverBox);
    layout->addStretch(1);
    connect(m_token, &QLineEdit::textChanged, this, &InspectorPage::inspectLocally);
    connect(m_show, &QCheckBox::toggled, this,
            [this](bool show) { m_token->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_check, &QPushButton::clicked, this, &InspectorPage::checkOnServer);
    // Enter in the token field checks it on the server, as the button would.
    connect(m_token, &QLineEdit::returnPressed, this, [this] {
        if (m_check->isEnabled())
            checkOnServer();
    });
    inspectLocally();
}

void InspectorPage::hideEvent(QHideEvent* event)
{
    // Leaving the page forgets the token.
    m_token->clear();
    m_show->setChecked(false);
    QWidget::hideEvent(event);
}

void InspectorPage::setToken(const QByteArray& token)
{
    m_token->setText(QString::fromLatin1(token));
}

void InspectorPage::inspectLocally()
{
    const app::TokenReport report = app::inspectToken(m_token->text().toLatin1());
    m_check->setEnabled(!m_token->text().trimmed().isEmpty());
    m_server->setText(tr("Not checked yet."));
    if (report.kind == app::TokenReport::Kind::Unknown) {
        m_local->setText(report.problem);
        return;
    }
    const QLocale locale;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString html = u"<table>"_s + row(tr("Kind"), report.kindName());
    html += row(tr("Format"), report.wellFormed ? tr("Well formed") : report.problem);
    if (!report.prefix.isEmpty())
        html += row(tr("Key"), report.prefix + u"…"_s + report.last4);
    if (report.kind == app::TokenReport::Kind::Jwt) {
        html += row(tr("Algorithm"), report.jwtHeader.value(u"alg"_s).toString());
        for (const char* claim : {"iss", "aud", "sub", "tid", "sid"})
            html +=
                row(QString::fromLatin1(claim), report.jwtClaims.value(QLatin1String(claim)).toVariant().toString());
        if (report.issuedAt.isValid())
            html += row(tr("Issued"), locale.toString(report.issuedAt.toLocalTime(), QLocale::LongFormat));
        if (report.expiresAt.isValid()) {
            html += row(tr("Expires"),
                        tr("%1 (%2)").arg(locale.toString(report.expiresAt.toLocalTime(), QLocale::LongFormat),
                                          app::CredentialModel::relativeTime(report.expiresAt, now)));
        }
        html += row(tr("Signature"), tr("Not verified here: only the server holds the key. Use \"Check on server\"."));
    }
    html += u"</table>"_s;
    m_local->setText(html);
}

QString InspectorPage::lastError() const
{
    return m_banner->text();
}

void InspectorPage::checkOnServer()
{
    const QByteArray token = m_token->text().trimmed().toLatin1();
    if (token.isEmpty())
        return;
    m_check->setEnabled(false);
    m_server->setText(tr("Asking the server…"));
    auto* job = new app::IntrospectJob(m_client, token, this);
    app::runJob(job, this, [this, job] {
        m_check->setEnabled(!m_token->text().trimmed().isEmpty());
        if (!job->error().ok()) {
            m_server->setText(tr("Not checked yet."));
            m_banner->showError(job->error().userMessage(), [this] { checkOnServer(); });
            return;
        }
        m_banner->clear();
        const QJsonObject r = job->result();
        const bool active = r.value(u"active"_s).toBool();
        QString html = u"<p style='font-weight:bold;color:%1'>%2</p><table>"_s.arg(
            (active ? app::palette::good() : app::palette::bad()).name(), active ? tr("Active") : tr("Not active"));
        html += row(tr("Status"), r.value(u"status"_s).toString());
        if (!r.value(u"name"_s).toString().isEmpty())
            html += row(tr("Name"), r.value(u"name"_s).toString());
        if (!r.value(u"id"_s).toString().isEmpty())
            html += row(tr("Id"), r.value(u"id"_s).toString());
        if (!r.value(u"tenantId"_s).toString().isEmpty())
            html += row(tr("Tenant"), r.value(u"tenantId"_s).toString());
        QStringList scopes;
        for (const QJsonValue& v : r.value(u"scopes"_s).toArray())
            scopes.append(v.toString());
        if (!scopes.isEmpty())
            html += row(tr("Scopes"), scopes.join(u", "_s));
        if (!r.value(u"expiresAt"_s).toString().isEmpty())
            html += row(tr("Expires"), r.value(u"expiresAt"_s).toString());
        if (!active && r.value(u"name"_s).toString().isEmpty())
            html += row(QString(), tr("Unknown here: it may belong to another tenant, or never have existed."));
        html += u"</table>"_s;
        // A credential the server knows: why its calls were refused lately, in words, with the fix.
        const QJsonArray refusals = r.value(u"refusals"_s).toArray();
        if (!refusals.isEmpty()) {
            QStringList allowlist;
            for (const QJsonValue& v : r.value(u"ipAllowlist"_s).toArray())
                allowlist.append(v.toString());
            html += u"<p><b>%1</b></p><ul>"_s.arg(
                tr("Its last %n refused request(s)", nullptr, int(refusals.size())).toHtmlEscaped());
            for (const QJsonValue& v : refusals) {
                const QJsonObject o = v.toObject();
                const app::CredentialUsage::Refusal refusal{
                    protocol::fromIso(o.value(u"at"_s).toString()), o.value(u"ip"_s).toString(),
                    o.value(u"reason"_s).toString(), o.value(u"detail"_s).toString()};
                html += u"<li>%1, %2: %3</li>"_s.arg(
                    QLocale().toString(refusal.at.toLocalTime(), QLocale::ShortFormat).toHtmlEscaped(),
                    refusal.ip.toHtmlEscaped(), RefusalsView::explain(refusal, allowlist).toHtmlEscaped());
            }
            html += u"</ul>"_s;
        } else if (r.contains(u"refusals"_s)) {
            html += u"<p>%1</p>"_s.arg(tr("No request with it was refused in the last 90 days.").toHtmlEscaped());
        }
        m_server->setText(html);
    });
}

} // namespace td::ui
