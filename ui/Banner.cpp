#include "Banner.h"

#include "app/Palette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

using namespace Qt::StringLiterals;

namespace td::ui {

Banner::Banner(const QString& objectName, const QString& textName, const QString& buttonName, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(objectName);
    setAttribute(Qt::WA_StyledBackground);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    m_text = new QLabel(this);
    m_text->setObjectName(textName);
    m_text->setWordWrap(true);
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_busy = new QProgressBar(this);
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(12);
    m_busy->setTextVisible(false);
    m_button = new QPushButton(this);
    m_button->setObjectName(buttonName);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_busy);
    layout->addWidget(m_button);
    connect(m_button, &QPushButton::clicked, this, [this] {
        if (auto action = std::exchange(m_action, {})) {
            clear();
            action();
        }
    });
    hide();
}

void Banner::applyStyle()
{
    const QColor accent = m_error ? app::palette::bad() : app::palette::inactive();
    setStyleSheet(u"#%1 { background: %2; border: 1px solid %3; border-radius: 4px; }"_s.arg(
        objectName(), app::palette::tint(accent).name(), accent.name()));
}

void Banner::showError(const QString& text, std::function<void()> action, const QString& actionText)
{
    m_error = true;
    m_text->setText(text);
    m_action = std::move(action);
    m_button->setText(actionText.isEmpty() ? tr("Retry") : actionText);
    m_button->setVisible(bool(m_action));
    m_busy->hide();
    applyStyle();
    show();
}

void Banner::showBusy(const QString& text)
{
    m_error = false;
    m_text->setText(text);
    m_action = {};
    m_button->hide();
    m_busy->show();
    applyStyle();
    show();
}

void Banner::clear()
{
    m_action = {};
    m_error = false;
    hide();
}

QString Banner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace td::ui
