#pragma once

#include <QDialog>

namespace td::ui {

// Help → About TokenDesk: the app icon, name and version (project(VERSION)), the licence, where secrets are kept,
// and the Qt and OpenSSL versions actually loaded next to the ones built against, for bug reports.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)
public:
    explicit AboutDialog(QWidget* parent = nullptr);
    ~AboutDialog() override;

    // "Qt 6.4.2 (built with 6.4.2)"; run time first because a distribution may update Qt under the binary.
    static QString qtVersionText();
    // The TLS library in use, or why there is none.
    static QString sslVersionText();
    // The platform's keychain that QtKeychain talks to.
    static QString keychainText();
};

} // namespace td::ui
