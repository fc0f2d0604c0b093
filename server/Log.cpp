#include "Log.h"

Q_LOGGING_CATEGORY(lcHttp, "tokendesk.http", QtInfoMsg)
Q_LOGGING_CATEGORY(lcStore, "tokendesk.store", QtInfoMsg)
Q_LOGGING_CATEGORY(lcAuth, "tokendesk.auth", QtInfoMsg)
Q_LOGGING_CATEGORY(lcServer, "tokendesk.server", QtInfoMsg)
