// Shared by the libFuzzer targets of tests/fuzz: an invariant check that stops the run, so libFuzzer writes the
// input as a crash artifact, with a message that says which property broke.
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <cstdio>
#include <cstdlib>

namespace td::fuzz {

[[noreturn]] inline void checkFailed(const char* condition, const char* file, int line, const QString& detail)
{
    std::fprintf(stderr, "\n==== tokendesk fuzz invariant broken at %s:%d\n     %s\n", file, line, condition);
    if (!detail.isEmpty())
        std::fprintf(stderr, "     %s\n", detail.toUtf8().constData());
    std::fflush(stderr);
    std::abort(); // libFuzzer's SIGABRT handler writes crash-<sha1> with the input
}

// Short printable rendering of bytes for the messages above.
inline QString show(QByteArrayView bytes)
{
    QByteArray out;
    for (const char c : bytes.first(std::min<qsizetype>(bytes.size(), 200))) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7f && u != '\\')
            out += c;
        else
            out += "\\x" + QByteArray::number(u, 16).rightJustified(2, '0');
    }
    if (bytes.size() > 200)
        out += "...";
    return QString::fromLatin1(out);
}

} // namespace td::fuzz

#define TD_FUZZ_CHECK(condition, detail)                                                                               \
    do {                                                                                                               \
        if (!(condition))                                                                                              \
            ::td::fuzz::checkFailed(#condition, __FILE__, __LINE__, (detail));                                         \
    } while (false)
