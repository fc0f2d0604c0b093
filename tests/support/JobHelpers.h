#pragma once

// Helpers for tests of the console core (tokendesk_core); header-only, so that tokendesk_testsupport stays free of it.
#include "app/ApiClient.h"

#include <QString>

namespace td::app {

// "kind 2, HTTP 404, code not_found: …", for a failed check's message (found by argument-dependent lookup).
inline QString describe(const ApiJob& job)
{
    const ApiError& e = job.error();
    return QStringLiteral("kind %1, HTTP %2, code %3: %4").arg(int(e.kind)).arg(e.httpStatus).arg(e.code, e.message);
}

} // namespace td::app
