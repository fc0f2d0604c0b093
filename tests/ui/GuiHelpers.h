#pragma once

// Helpers shared by the GUI tests: find widgets by objectName, wait for dialogs, scan for leaked secrets.
#include <QAbstractItemModel>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QTest>
#include <QWidget>

namespace td::test {

template <class T> T* waitForWidget(const QString& objectName, int timeoutMs = 15000)
{
    T* found = nullptr;
    QElapsedTimer timer;
    timer.start();
    while (!found && timer.elapsed() < timeoutMs) {
        const auto widgets = QApplication::allWidgets();
        for (QWidget* w : widgets) {
            if (w->objectName() == objectName && w->isVisible()) {
                if (auto* t = qobject_cast<T*>(w)) {
                    found = t;
                    break;
                }
            }
        }
        if (!found)
            QTest::qWait(20);
    }
    return found;
}

// Every text any live widget shows, to prove a secret is no longer on screen.
inline QString allVisibleText()
{
    QString text;
    const auto widgets = QApplication::allWidgets();
    for (QWidget* w : widgets) {
        if (auto* e = qobject_cast<QLineEdit*>(w))
            text += e->text() + u'\n';
        else if (auto* l = qobject_cast<QLabel*>(w))
            text += l->text() + u'\n';
        else if (auto* p = qobject_cast<QPlainTextEdit*>(w))
            text += p->toPlainText() + u'\n';
    }
    return text;
}

// Every role of every cell of a model, as text.
inline QString allModelText(const QAbstractItemModel* model)
{
    QString text;
    for (int row = 0; row < model->rowCount(); ++row) {
        for (int column = 0; column < model->columnCount(); ++column) {
            const QModelIndex index = model->index(row, column);
            for (int role = 0; role <= Qt::UserRole + 16; ++role)
                text += index.data(role).toString() + u'\n';
        }
    }
    return text;
}

} // namespace td::test
