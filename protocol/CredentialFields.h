#pragma once

#include "protocol/CredentialKind.h"

#include <QString>

namespace td::protocol {

// Every field of a credential record on the wire (API keys, UATs, private tokens alike), in order, named once.
// Each writer and reader of a record visits this list: ApiKeyDto::toJson and ApiKeyDto::fromJson (both sides), and
// the server's list pages written straight to bytes (server/JsonText). A new field is added here and in the
// record structs, nowhere else.
//
// The visitor gets, per field, a call named after how the field is written:
//   kind(name, value)               the kind's wire name
//   text(name, value)               a string that is never empty
//   textOrNull(name, value)         a string, null when empty
//   list(name, value, required)     an array of strings; not required: absent or null reads as empty
//   time(name, value, required)     an ISO-8601 UTC time; not required: null when unset ("never")
//   date(name, value)               the date through which a date-valued expiry is valid (UATs' validUntil):
//                                   derived from expiresAt, written, never read back
//   status(name, record)            "active" | "expired" | "revoked" | "suspended"
//   rateLimit(name, value)          {"requests", "perSeconds"}, null when the credential has no limit of its own
// The record's rights are named by its kind (scopes or permissions).
template <typename Record, typename Visitor>
void visitCredentialFields(Record& r, const CredentialKindInfo& kind, Visitor& v)
{
    using namespace Qt::StringLiterals;
    v.text(u"id"_s, r.id);
    v.kind(u"kind"_s, r.kind);
    v.text(u"name"_s, r.name);
    v.textOrNull(u"description"_s, r.description);
    v.text(u"prefix"_s, r.prefix);
    v.text(u"last4"_s, r.last4);
    v.list(kind.rightsField, r.scopes, true);
    v.text(u"tenantId"_s, r.tenantId);
    v.time(u"createdAt"_s, r.createdAt, true);
    v.textOrNull(u"createdBy"_s, r.createdBy);
    v.time(u"expiresAt"_s, r.expiresAt, false);
    if (kind.expiryIsDate)
        v.date(kind.expiryField, r.expiresAt);
    v.time(u"lastUsedAt"_s, r.lastUsedAt, false);
    v.textOrNull(u"lastUsedIp"_s, r.lastUsedIp);
    v.list(u"ipAllowlist"_s, r.ipAllowlist, false);
    v.status(u"status"_s, r);
    v.time(u"revokedAt"_s, r.revokedAt, false);
    v.textOrNull(u"revokedBy"_s, r.revokedBy);
    v.textOrNull(u"rotatedFrom"_s, r.rotatedFrom);
    v.textOrNull(u"rotatedTo"_s, r.rotatedTo);
    v.time(u"suspendedAt"_s, r.suspendedAt, false);
    v.rateLimit(u"rateLimit"_s, r.rateLimit);
}

} // namespace td::protocol
