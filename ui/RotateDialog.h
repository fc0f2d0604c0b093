#pragma once

#include <QDialog>

class QComboBox;

namespace td::ui {

// Asks for the grace period during which the old credential keeps working after a rotation.
class RotateDialog final : public QDialog
{
    Q_OBJECT
public:
    RotateDialog(const QString& name, QWidget* parent = nullptr);
    qint64 graceSeconds() const;
    void setGraceSeconds(qint64 seconds);

private:
    QComboBox* m_grace;
};

} // namespace td::ui
