#pragma once

#include <QString>

namespace td::bench {

// Seeds count API keys straight into a stopped server's SQLite database (tenant "default", created by its first
// user): the API would take minutes for 100k creates. Setup for benchmarks only.
bool seedKeys(const QString& databasePath, int count, quint32 seed, QString* error);

} // namespace td::bench
