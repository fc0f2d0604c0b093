// Renders the SVG app icon to square bitmaps at build time: the hicolor PNG sizes on Linux, the .ico on
// Windows and the .iconset PNGs that iconutil turns into the .icns on macOS. The format follows the suffix.
//   td-render-icon IN.svg SIZE OUT [SIZE OUT ...]
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QStringList>
#include <QSvgRenderer>

#include <cstdio>

using namespace Qt::StringLiterals;

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() < 4 || args.size() % 2 != 0) {
        fprintf(stderr, "usage: td-render-icon IN.svg SIZE OUT [SIZE OUT ...]\n");
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        fprintf(stderr, "td-render-icon: cannot read %s\n", qPrintable(args.at(1)));
        return 1;
    }
    for (qsizetype i = 2; i + 1 < args.size(); i += 2) {
        bool ok = false;
        const int size = args.at(i).toInt(&ok);
        if (!ok || size < 1 || size > 4096) {
            fprintf(stderr, "td-render-icon: bad size %s\n", qPrintable(args.at(i)));
            return 2;
        }
        QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::transparent);
        {
            QPainter painter(&image);
            painter.setRenderHints(QPainter::Antialiasing | QPainter::SmoothPixmapTransform);
            renderer.render(&painter, QRectF(0, 0, size, size));
        }
        QDir().mkpath(QFileInfo(args.at(i + 1)).absolutePath());
        QImageWriter writer(args.at(i + 1));
        if (!writer.write(image.convertToFormat(QImage::Format_ARGB32))) {
            fprintf(stderr, "td-render-icon: cannot write %s: %s\n", qPrintable(args.at(i + 1)),
                    qPrintable(writer.errorString()));
            return 1;
        }
    }
    return 0;
}
