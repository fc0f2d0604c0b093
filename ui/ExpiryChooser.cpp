#include "ExpiryChooser.h"

#include "app/CredentialModel.h"
#include "app/Palette.h"

#include <QComboBox>
#include <QDateEdit>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace td::ui {

namespace {

// A day of a date-valued kind travels as noon UTC of that day (the job sends its UTC date).
QDateTime dayValue(const QDate& day)
{
    return QDateTime(day, QTime(12, 0), Qt::UTC);
}

} // namespace

ExpiryChooser::ExpiryChooser(app::CredentialKind kind, const app::Limits& limits, QWidget* parent)
    : QWidget(parent)
    , m_kind(kind)
    , m_limits(limits)
{
    const app::CredentialKindInfo& info = app::kindInfo(kind);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* row = new QHBoxLayout;
    m_combo = new QComboBox(this);
    m_combo->setObjectName(u"expiryCombo"_s);
    m_combo->setAccessibleName(tr("Expiry"));
    m_date = new QDateEdit(this);
    m_date->setObjectName(u"customDateEdit"_s);
    m_date->setCalendarPopup(true);
    m_date->setAccessibleName(tr("Custom expiry date"));
    row->addWidget(m_combo);
    row->addWidget(m_date);
    row->addStretch(1);
    layout->addLayout(row);
    m_sentence = new QLabel(this);
    m_sentence->setObjectName(u"expirySentence"_s);
    m_sentence->setWordWrap(true);
    layout->addWidget(m_sentence);
    m_never = new QLabel(tr("It never expires: it works until someone revokes it. Prefer an expiry, and rotate it "
                            "before then."),
                         this);
    m_never->setObjectName(u"neverWarning"_s);
    m_never->setWordWrap(true);
    m_never->setStyleSheet(u"color: %1;"_s.arg(app::palette::warning().name()));
    layout->addWidget(m_never);
    m_error = new QLabel(this);
    m_error->setObjectName(u"expiryError"_s);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: %1;"_s.arg(app::palette::bad().name()));
    layout->addWidget(m_error);

    // Only the presets the limits allow (a private token lives at most a year by default; a credential creates
    // nothing that outlives itself).
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime last = latest();
    const auto allowed = [&](int days) {
        return !last.isValid() || now.addDays(days) <= last;
    };
    for (auto [preset, days, text] :
         {std::tuple{Preset::Days7, 7, tr("7 days")}, std::tuple{Preset::Days30, 30, tr("30 days")},
          std::tuple{Preset::Days90, 90, tr("90 days")}, std::tuple{Preset::Year1, 365, tr("1 year")}}) {
        if (allowed(days))
            m_combo->addItem(text, int(preset));
    }
    m_combo->addItem(tr("Custom date"), int(Preset::Custom));
    if (!info.expiryRequired && !last.isValid())
        m_combo->addItem(tr("Never"), int(Preset::Never));
    // The custom date: from the first day that lies ahead to the last the limits allow.
    const QDate today = QDate::currentDate();
    m_date->setMinimumDate(info.expiryIsDate ? now.date() : today);
    if (last.isValid())
        m_date->setMaximumDate(info.expiryIsDate ? last.date().addDays(-1) : last.toLocalTime().date().addDays(-1));
    m_date->setDate(qMin(today.addDays(30), m_date->maximumDate()));
    const int ninety = m_combo->findData(int(Preset::Days90));
    m_combo->setCurrentIndex(ninety >= 0 ? ninety : 0);
    connect(m_combo, &QComboBox::currentIndexChanged, this, &ExpiryChooser::update);
    connect(m_date, &QDateEdit::dateChanged, this, &ExpiryChooser::update);
    update();
}

QDateTime ExpiryChooser::latest() const
{
    return m_limits.latestExpiry(m_kind, QDateTime::currentDateTimeUtc());
}

void ExpiryChooser::offerKeep(const QDateTime& createdAt, const QDateTime& expiresAt)
{
    if (!expiresAt.isValid() || !createdAt.isValid()) {
        // The old one never expired: keeping means never, where the kind allows it.
        const int never = m_combo->findData(int(Preset::Never));
        if (never >= 0)
            m_combo->setCurrentIndex(never);
        return;
    }
    m_keepMs = qMax<qint64>(0, createdAt.msecsTo(expiresAt));
    const int days = int(m_keepMs / (24LL * 3600 * 1000));
    m_combo->insertItem(0, tr("Same lifetime as before (%n day(s))", nullptr, qMax(days, 1)), int(Preset::Keep));
    m_combo->setCurrentIndex(0);
}

void ExpiryChooser::setPreset(Preset preset)
{
    const int index = m_combo->findData(int(preset));
    if (index >= 0)
        m_combo->setCurrentIndex(index);
}

ExpiryChooser::Preset ExpiryChooser::preset() const
{
    return Preset(m_combo->currentData().toInt());
}

std::optional<QDateTime> ExpiryChooser::expiry() const
{
    const bool byDay = app::kindInfo(m_kind).expiryIsDate;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const auto after = [&](int days) {
        return byDay ? dayValue(now.addDays(days).date()) : now.addDays(days);
    };
    switch (preset()) {
    case Preset::Keep:
        return std::nullopt;
    case Preset::Days7:
        return after(7);
    case Preset::Days30:
        return after(30);
    case Preset::Days90:
        return after(90);
    case Preset::Year1:
        return after(365);
    case Preset::Custom:
        // Date-valued kinds: valid through that day (UTC); others: until the end of that day, local time.
        return byDay ? dayValue(m_date->date()) : QDateTime(m_date->date().addDays(1), QTime(0, 0)).toUTC();
    case Preset::Never:
        return QDateTime();
    }
    return QDateTime();
}

QString ExpiryChooser::problem() const
{
    const std::optional<QDateTime> when = expiry();
    if (!when || !when->isValid())
        return {};
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QDateTime ends =
        app::kindInfo(m_kind).expiryIsDate ? QDateTime(when->date().addDays(1), QTime(0, 0), Qt::UTC) : *when;
    if (ends <= now)
        return tr("Choose a date in the future.");
    const QDateTime last = latest();
    if (last.isValid() && ends > last.addSecs(60))
        return tr("Choose a date no later than %1.")
            .arg(QLocale().toString(last.toLocalTime().date(), QLocale::LongFormat));
    return {};
}

void ExpiryChooser::update()
{
    m_date->setEnabled(preset() == Preset::Custom);
    m_date->setVisible(preset() == Preset::Custom);
    m_never->setVisible(preset() == Preset::Never);
    const QString trouble = problem();
    m_error->setText(trouble);
    m_error->setVisible(!trouble.isEmpty());
    // What the choice means, in words, before anything is created.
    const QLocale locale;
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString sentence;
    const std::optional<QDateTime> when = expiry();
    if (!when) {
        const QDateTime ends = now.addMSecs(m_keepMs);
        sentence = tr("Expires %1 (%2), as long after now as the old one lived.")
                       .arg(locale.toString(ends.toLocalTime(), QLocale::LongFormat),
                            app::CredentialModel::relativeTime(ends, now));
    } else if (when->isValid() && trouble.isEmpty()) {
        if (app::kindInfo(m_kind).expiryIsDate) {
            const QDateTime ends(when->date().addDays(1), QTime(0, 0), Qt::UTC);
            sentence = tr("Valid through %1 (UTC): it stops working at %2, your time.")
                           .arg(locale.toString(when->date(), QLocale::LongFormat),
                                locale.toString(ends.toLocalTime(), QLocale::LongFormat));
        } else {
            sentence = tr("Expires %1 (%2).")
                           .arg(locale.toString(when->toLocalTime(), QLocale::LongFormat),
                                app::CredentialModel::relativeTime(*when, now));
        }
    }
    m_sentence->setText(sentence);
    m_sentence->setVisible(!sentence.isEmpty());
    emit changed();
}

void ExpiryChooser::showServerError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ExpiryChooser::focusField()
{
    if (preset() == Preset::Custom)
        m_date->setFocus(Qt::OtherFocusReason);
    else
        m_combo->setFocus(Qt::OtherFocusReason);
}

} // namespace td::ui
