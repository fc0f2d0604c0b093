#pragma once

#include <QWidget>

#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace td::ui {

// The strip above a page (or the window) that says what went wrong and offers the way out ("Retry", "Restart demo
// server"), or that something is under way. Every page shows its failures in one of these, so they look and work
// the same everywhere. Hidden when there is nothing to say.
class Banner final : public QWidget
{
    Q_OBJECT
public:
    // Child objects are named prefix + "Text" / "Button" / "Progress" (e.g. errorText, retryButton) for tests.
    explicit Banner(const QString& objectName, const QString& textName, const QString& buttonName,
                    QWidget* parent = nullptr);

    // An error; with an action, a button that clears the banner and runs it.
    void showError(const QString& text, std::function<void()> action = {}, const QString& actionText = {});
    // Something under way (a busy bar, no button).
    void showBusy(const QString& text);
    void clear();
    QString text() const; // empty when hidden
    bool isError() const { return m_error; }

private:
    void applyStyle();

    QLabel* m_text;
    QProgressBar* m_busy;
    QPushButton* m_button;
    std::function<void()> m_action;
    bool m_error = false;
};

} // namespace td::ui
