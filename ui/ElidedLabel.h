#pragma once

#include <QLabel>

namespace td::ui {

// A one-line plain-text label that may shrink below its text: it then shows "Beginning of the te…" and the whole
// text as its tooltip. text() is always the whole text. For values of any length in bars that must fit 1024 px.
class ElidedLabel final : public QLabel
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget* parent = nullptr);

    QSize minimumSizeHint() const override;
    bool isElided() const; // whether the text shown is shorter than text()

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;
};

} // namespace td::ui
