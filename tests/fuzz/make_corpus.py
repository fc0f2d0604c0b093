#!/usr/bin/env python3
"""Writes the seed corpora of tests/fuzz/corpus/<target>/ (README.md here describes each target's input layout).

Run it again after changing a target's input layout: `python3 tests/fuzz/make_corpus.py`. It replaces the files it
writes and leaves others alone. The JWT key is the fuzz targets' test-only key: it protects nothing.
"""
import base64
import hashlib
import hmac
import json
import os
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")

JWT_KEY = b"tokendesk-fuzz-key-0123456789abc"  # = fuzz_jwt.cpp's Key
NOW = 1700000000                                # = fuzz_jwt.cpp's Now
ISSUER = "https://tokendesk.test"
AUDIENCE = "tokendesk-api"
HEADER = b'{"alg":"HS256","typ":"at+jwt"}'

BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def write(target, name, data):
    directory = os.path.join(CORPUS, target)
    os.makedirs(directory, exist_ok=True)
    if isinstance(data, str):
        data = data.encode()
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


# --- fuzz_httpparser: [feed mode][limits][cut 1][cut 2] + the connection's bytes -----------------------------------

TWO_PIECES, THREE_PIECES, BYTEWISE = 0, 1, 2


def steps(n):  # pieces of n bytes (1..64)
    return 3 | ((n - 1) << 2)


DEFAULT_LIMITS = 0x00


def small_limits(header_shift, body_step, blank_lines):
    return 0x40 * blank_lines | body_step << 3 | header_shift


def http(name, feed, limits, cut1, cut2, stream):
    write("fuzz_httpparser", name, bytes([feed, limits, cut1, cut2]) + stream)


def httpparser():
    login = b'{"email":"admin@example.com","password":"correct horse battery staple"}'
    http("get", TWO_PIECES, DEFAULT_LIMITS, 40, 0,
         b"GET /api/v1/api-keys?limit=20&status=active HTTP/1.1\r\nHost: localhost:8080\r\n"
         b"Authorization: Bearer tdk_0000000000000000000000000000000000000\r\nAccept: application/json\r\n\r\n")
    http("post-content-length", THREE_PIECES, DEFAULT_LIMITS, 100, 128,
         b"POST /api/v1/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
         b"Content-Length: " + str(len(login)).encode() + b"\r\n\r\n" + login)
    http("chunked-trailer", BYTEWISE, DEFAULT_LIMITS, 0, 0,
         b"POST /api/v1/api-keys HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
         b"Content-Type: application/json\r\n\r\n"
         b"10;ext=1\r\n{\"name\":\"CI\",\"sc\r\n"
         b"16\r\nopes\":[\"read:orders\"]}\r\n0\r\nX-Checksum: abc\r\n\r\n")
    http("pipelined", THREE_PIECES, DEFAULT_LIMITS, 60, 200,
         b"GET /healthz HTTP/1.1\r\nHost: a\r\n\r\n"
         b"POST /api/v1/api-keys/key_abc/revoke HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\n{}"
         b"HEAD /api/v1/api-keys/key_abc HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n")
    http("expect-100-continue", steps(7), DEFAULT_LIMITS, 0, 0,
         b"PATCH /api/v1/api-keys/key_abc HTTP/1.1\r\nHost: localhost\r\nExpect: 100-continue\r\n"
         b"Content-Length: 17\r\n\r\n{\"name\":\"Nightly\"}")
    http("http10-keepalive", TWO_PIECES, DEFAULT_LIMITS, 128, 0,
         b"GET /healthz HTTP/1.0\r\nConnection: keep-alive\r\n\r\nGET /healthz HTTP/1.0\r\n\r\n")
    http("absolute-form-percent", TWO_PIECES, DEFAULT_LIMITS, 10, 0,
         b"GET http://localhost:8080/api/v1/tenants/acme%20corp/audit?from=2024-01-15&q=a%2Bb#frag HTTP/1.1\r\n"
         b"Host: localhost:8080\r\nX-Forwarded-For: 203.0.113.7, 10.0.0.2\r\nCookie: a=1\r\nCookie: b=2\r\n\r\n")
    http("blank-lines-head", steps(1), small_limits(5, 3, 2), 0, 0,
         b"\r\n\r\nHEAD / HTTP/1.1\r\nHost: x\r\n\r\n\r\n\r\n\r\nGET * HTTP/1.1\r\nHost: x\r\n\r\n")
    http("header-too-large", TWO_PIECES, small_limits(2, 3, 1), 90, 0,
         b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Padding: " + b"a" * 80 + b"\r\n\r\n")
    http("body-too-large-chunked", THREE_PIECES, small_limits(6, 2, 1), 70, 128,
         b"POST /api/v1/api-keys HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
         b"8\r\n01234567\r\n8\r\n89abcdef\r\n0\r\n\r\n")
    http("smuggling-cl-te", TWO_PIECES, DEFAULT_LIMITS, 64, 0,
         b"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 6\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\nX")
    http("differing-content-length", TWO_PIECES, DEFAULT_LIMITS, 20, 0,
         b"POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\ncontent-length: 4\r\n\r\nabcd")
    http("bad-version-bare-lf", THREE_PIECES, DEFAULT_LIMITS, 20, 40,
         b"GET / HTTP/2.0\r\nHost: h\r\n\r\nGET /\nHost: h\r\n\r\n")


# --- fuzz_jwt: [mode: '0' token, '1' header\npayload, '2' payload][clock byte] + text --------------------------------

def b64(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=")


def signed(header, payload, key=JWT_KEY):
    signing_input = b64(header) + b"." + b64(payload)
    return signing_input + b"." + b64(hmac.new(key, signing_input, hashlib.sha256).digest())


def claims(**changes):
    c = {"iss": ISSUER, "aud": AUDIENCE, "sub": "usr_3kT9aQ", "tid": "acme", "sid": "ses_7Hq2", "jti": "jti_x81Z",
         "iat": NOW - 100, "nbf": NOW - 100, "exp": NOW + 3500}
    c.update(changes)
    return json.dumps(c, separators=(",", ":")).encode()


def jwt(name, mode, data):
    write("fuzz_jwt", name, mode + b"\x00" + data)


def jwts():
    valid = signed(HEADER, claims())
    jwt("token-valid", b"0", valid)
    jwt("token-expired", b"0", signed(HEADER, claims(exp=NOW - 3600)))
    head, payload, signature = valid.split(b".")
    jwt("token-tampered-payload", b"0", head + b"." + b64(claims(sub="usr_admin")) + b"." + signature)
    jwt("token-alg-none", b"0", b64(b'{"alg":"none","typ":"at+jwt"}') + b"." + b64(claims()) + b".")
    jwt("token-padded", b"0", valid + b"==")
    jwt("token-duplicate-sub", b"0",
        signed(HEADER, claims()[:-1] + b',"s\\u0075b":"usr_admin"}'))
    jwt("token-opaque", b"0", b"tdk_4fJ8kQ2mN7pR1sT6vW9xY3zA5bC0dE8gH2j0Qn3x")
    jwt("header-payload-valid", b"1", HEADER + b"\n" + claims())
    jwt("header-payload-extra-kid", b"1", b'{"alg":"HS256","typ":"at+jwt","kid":"1"}\n' + claims())
    jwt("header-payload-hs512", b"1", b'{"alg":"HS512","typ":"JWT"}\n' + claims())
    jwt("payload-valid", b"2", claims())
    jwt("payload-wrong-types", b"2", claims(exp="1700003600", iat=1.5, sub=7))
    jwt("payload-wrong-audience", b"2", claims(aud="other", iss="https://evil.test"))
    jwt("payload-not-yet-valid", b"2", claims(nbf=NOW + 7200, iat=NOW + 7200, exp=NOW + 9999))


# --- fuzz_token: the token text ------------------------------------------------------------------------------------

def base62(value, width=6):
    digits = ""
    for _ in range(width):
        digits = BASE62[value % 62] + digits
        value //= 62
    return digits


def opaque(letter, random_part):
    body = "td" + letter + "_" + random_part
    return body + base62(zlib.crc32(body.encode()) & 0xFFFFFFFF)


def tokens():
    write("fuzz_token", "api-key", opaque("k", "4fJ8kQ2mN7pR1sT6vW9xY3zA5bC0dE8g"))
    write("fuzz_token", "uat", opaque("u", "Zz0123456789abcdefghijklmnopqrST"))
    write("fuzz_token", "private-token", opaque("p", "00000000000000000000000000000000"))
    write("fuzz_token", "refresh-token", opaque("r", "AbCdEfGhIjKlMnOpQrStUvWxYz012345"))
    good = opaque("k", "pQ7rS8tU9vW0xY1zA2bC3dE4fG5hI6jK")
    write("fuzz_token", "bad-checksum", good[:-1] + ("A" if good[-1] != "A" else "B"))
    write("fuzz_token", "too-short", good[:-3])
    write("fuzz_token", "unknown-kind", "tdx_" + good[4:])
    write("fuzz_token", "not-base62", good[:10] + "-_" + good[12:])
    write("fuzz_token", "jwt-shaped", b64(HEADER) + b"." + b64(b'{"sub":"x"}') + b".c2ln")


# --- fuzz_cidr: entries, one per line ------------------------------------------------------------------------------

def cidrs():
    write("fuzz_cidr", "v4-networks", "10.0.0.0/8\n192.168.1.0/24\n203.0.113.7")
    write("fuzz_cidr", "v6-networks", "2001:db8::/32\n::1\nfe80::/10")
    write("fuzz_cidr", "mapped", "::ffff:10.0.0.0/104\n::ffff:0:0/96")
    write("fuzz_cidr", "any", "0.0.0.0/0\n::/0")
    write("fuzz_cidr", "host-bits-set", "10.0.0.1/8")
    write("fuzz_cidr", "zone-and-brackets", "fe80::1%eth0\n[::1]")
    write("fuzz_cidr", "ambiguous-v4", "010.0.0.1\n10.1\n1.2.3.256")
    write("fuzz_cidr", "prefix-forms", "10.0.0.0/08\n10.0.0.0/33\n2001:db8::/129\n10.0.0.0/")
    write("fuzz_cidr", "pasted-list", " 10.0.0.0/8, 172.16.0.0/12;192.168.0.0/16 ")
    write("fuzz_cidr", "full-v6", "2001:0db8:0000:0000:0000:ff00:0042:8329/128\n::ffff:192.0.2.128")


# --- fuzz_dto: JSON ----------------------------------------------------------------------------------------------

API_KEY = {
    "id": "key_8fK2mQ", "kind": "apiKey", "name": "CI deploy", "description": "Deploys from the pipeline",
    "prefix": "tdk_4fJ8kQ2m", "last4": "Qn3x", "scopes": ["read:orders", "write:orders"], "tenantId": "acme",
    "createdAt": "2030-01-31T12:00:00Z", "createdBy": "user:usr_abc", "expiresAt": "2031-01-31T12:00:00Z",
    "lastUsedAt": None, "lastUsedIp": None, "ipAllowlist": ["203.0.113.0/24", "2001:db8::/32"],
    "status": "active", "revokedAt": None, "revokedBy": None, "rotatedFrom": None, "rotatedTo": None,
}


def dto(name, value):
    write("fuzz_dto", name + ".json", json.dumps(value, indent=1))


def dtos():
    dto("user", {"id": "usr_abc", "email": "admin@example.com", "username": "admin", "displayName": "Ada Admin",
                 "clientId": 4711})
    dto("user-nulls", {"id": "usr_def", "email": None, "username": None, "displayName": None, "clientId": None})
    dto("tenant", {"id": "acme", "name": "Acme Corp", "role": "admin"})
    dto("api-key", API_KEY)
    revoked = dict(API_KEY, status="revoked", revokedAt="2030-02-01T08:30:00+02:00", revokedBy="user:usr_abc",
                   lastUsedAt="2030-01-31T12:00:00.123Z", lastUsedIp="203.0.113.7", expiresAt="2030-12-31",
                   rotatedTo="key_9gL3nR")
    dto("api-key-revoked", revoked)
    dto("envelope", {"success": True, "data": API_KEY})
    uat = {k: v for k, v in API_KEY.items() if k != "scopes"}
    uat.update(id="uat_2hT5", kind="uat", prefix="tdu_Zz012345", permissions=["brand_create", "scans_download"],
               expiresAt="2030-03-01T00:00:00Z", validUntil="2030-02-28")
    dto("uat", uat)
    dto("api-key-list", [API_KEY, revoked, {"id": "key_bad", "status": "paused"}])
    dto("scope-catalog", {"scopes": [
        {"name": "read:orders", "description": "Read orders.", "group": "Orders",
         "appliesTo": ["apiKey", "privateToken"]},
        {"name": "brand_create", "description": "Create brands.", "group": "Brands", "appliesTo": ["uat"]}]})
    dto("scope-bad", {"scopes": [{"name": "Read:Orders", "appliesTo": ["apiKey", "apiKey"]}]})
    dto("error-envelope", {"success": False, "error": {"code": "validation_error",
                                                       "message": "Some fields are missing or invalid.",
                                                       "details": {"expiresAt": "2030-01-31T12:00:00-05:00"}}})
    write("fuzz_dto", "time-text", "2024-01-15T12:00:00+05:30")


if __name__ == "__main__":
    httpparser()
    jwts()
    tokens()
    cidrs()
    dtos()
