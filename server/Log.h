#pragma once

#include <QLoggingCategory>

// One logging category per area. Nothing logged here may contain a token, key, password or Authorization header.
Q_DECLARE_LOGGING_CATEGORY(lcHttp)
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcAuth)
Q_DECLARE_LOGGING_CATEGORY(lcServer)
