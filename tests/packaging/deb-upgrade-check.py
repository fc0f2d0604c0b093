#!/usr/bin/env python3
"""The API and database checks of tests/packaging/deb-upgrade-test.sh (standard library only).

  seed URL STATE           before the upgrade: sign in, make an API key, a revoked API key, a UAT, a private token
                           and a second session (refreshed once), check that each works or is refused, and write the
                           secrets, ids and the audit log's ids to STATE (JSON)
  check URL STATE          after the upgrade: the same credentials authenticate or are refused as before, both
                           sessions go on (the access token, the refresh token), every audit event is still there
  snapshot DB OUT          the database's tables, rows (by primary key) and schema_migrations, as JSON
  compare-kept PRE POST    every row of PRE is in POST with the same values in PRE's columns; the migrations are
                           the versions 1..N once each, PRE's unchanged
  compare-same PRE COPY    COPY holds exactly PRE's rows (the copy made before migrating)

The admin's password comes from TOKENDESK_ADMIN_PASSWORD. Any failure prints one FAIL line and exits 1.
"""
import base64
import datetime
import json
import os
import sqlite3
import sys
import urllib.error
import urllib.request


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


# The server is on loopback: no proxy from the environment.
OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}))


def request(url, method, path, body=None, headers=None):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(url + path, data=data, method=method)
    req.add_header("Accept", "application/json")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    for key, value in (headers or {}).items():
        req.add_header(key, value)
    try:
        with OPENER.open(req, timeout=60) as answer:
            status, raw = answer.status, answer.read()
    except urllib.error.HTTPError as error:
        status, raw = error.code, error.read()
    try:
        parsed = json.loads(raw) if raw else None
    except ValueError:
        parsed = raw.decode(errors="replace")
    return status, parsed


def expect(url, method, path, want, what, body=None, headers=None):
    status, answer = request(url, method, path, body, headers)
    if status != want:
        fail(f"{what}: {method} {path} answered {status}, expected {want}: {answer}")
    return answer


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def login(url, email, password, what):
    data = expect(url, "POST", "/api/v1/auth/login", 200, what, {"email": email, "password": password})["data"]
    return data["token"], data["refreshToken"]


def audit_events(url, token):
    """Every event of the tenant, oldest first: {id: [action, targetId]}."""
    events, cursor = {}, None
    for _ in range(100):
        path = "/api/v1/audit-events?limit=1000" + (f"&cursor={cursor}" if cursor else "")
        page = expect(url, "GET", path, 200, "the audit log", headers=bearer(token))["data"]
        for item in page["items"]:
            events[item["id"]] = [item["action"], item.get("targetId")]
        cursor = page.get("nextCursor")
        if not cursor:
            return events
    fail("the audit log has more than 100 pages")


# What each credential is allowed to do, and what it must be refused: (name, method, path, body, status).
def probes(state):
    return [
        ("the active API key", "GET", "/api/v1/products", None, {"X-API-Key": state["activeKey"]}, 200),
        ("the revoked API key", "GET", "/api/v1/products", None, {"X-API-Key": state["revokedKey"]}, 401),
        ("the UAT", "POST", "/api/v2/brands/", {"name": "upgrade-test brand"},
         {"Authorization": f"UAT {state['uat']}"}, 201),
        ("the private token", "GET", "/api/v1/products", None, bearer(state["privateToken"]), 200),
        ("the session's access token", "GET", "/api/v1/me", None, bearer(state["sessionToken"]), 200),
    ]


def seed(url, state_path):
    email = os.environ.get("TOKENDESK_ADMIN_EMAIL", "admin@example.com")
    password = os.environ["TOKENDESK_ADMIN_PASSWORD"]
    token, refresh = login(url, email, password, "login")
    in30 = datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=30)
    state = {"sessionToken": token, "sessionRefresh": refresh}

    created = expect(url, "POST", "/api/v1/api-keys", 201, "creating an API key",
                     {"name": "upgrade-test active", "scopes": ["read:products"]}, bearer(token))["data"]
    state["activeKey"], state["activeKeyId"] = created["secret"], created["apiKey"]["id"]
    created = expect(url, "POST", "/api/v1/api-keys", 201, "creating a second API key",
                     {"name": "upgrade-test revoked", "scopes": ["read:products"]}, bearer(token))["data"]
    state["revokedKey"], state["revokedKeyId"] = created["secret"], created["apiKey"]["id"]
    expect(url, "GET", "/api/v1/products", 200, "the second API key before it is revoked", None,
           {"X-API-Key": state["revokedKey"]})
    expect(url, "POST", f"/api/v1/api-keys/{state['revokedKeyId']}/revoke", 200, "revoking the second API key",
           None, bearer(token))
    created = expect(url, "POST", "/api/v1/uats", 201, "creating a UAT",
                     {"name": "upgrade-test UAT", "permissions": ["brand_create"],
                      "validUntil": in30.strftime("%Y-%m-%d")}, bearer(token))["data"]
    state["uat"], state["uatId"] = created["secret"], created["uat"]["id"]
    created = expect(url, "POST", "/api/v1/private-tokens", 201, "creating a private token",
                     {"name": "upgrade-test private token", "scopes": ["read:products"],
                      "expiresAt": in30.strftime("%Y-%m-%dT%H:%M:%SZ")}, bearer(token))["data"]
    state["privateToken"], state["privateTokenId"] = created["secret"], created["privateToken"]["id"]

    # A second session, refreshed once: its current refresh token must go on working, the used one stays refused.
    _, first = login(url, email, password, "a second login")
    data = expect(url, "POST", "/api/v1/auth/refresh", 200, "refreshing the second session",
                  {"refreshToken": first})["data"]
    state["usedRefresh"], state["currentRefresh"] = first, data["refreshToken"]

    for what, method, path, body, headers, want in probes(state):
        expect(url, method, path, want, f"{what} before the upgrade", body, headers)
    state["audit"] = audit_events(url, token)
    with open(state_path, "w") as out:
        json.dump(state, out)
    os.chmod(state_path, 0o600)
    print(f"seeded: 2 API keys (1 revoked), 1 UAT, 1 private token, 2 sessions; {len(state['audit'])} audit events")


def check(url, state_path):
    with open(state_path) as f:
        state = json.load(f)
    for what, method, path, body, headers, want in probes(state):
        expect(url, method, path, want, f"{what} after the upgrade", body, headers)
    # Both sessions go on: the first one's unused refresh token, the second one's current one.
    tokens = []
    for what, refresh in (("the first session's refresh token", state["sessionRefresh"]),
                          ("the second session's refresh token", state["currentRefresh"])):
        data = expect(url, "POST", "/api/v1/auth/refresh", 200, f"{what} after the upgrade",
                      {"refreshToken": refresh})["data"]
        expect(url, "GET", "/api/v1/me", 200, f"the access token refreshed with {what}", None, bearer(data["token"]))
        tokens.append(data["token"])
    token = tokens[0]
    # A refresh token used before the upgrade is refused as it was; that ends the second session.
    expect(url, "POST", "/api/v1/auth/refresh", 401, "a refresh token used before the upgrade",
           {"refreshToken": state["usedRefresh"]})

    after = audit_events(url, token)
    missing = [i for i in state["audit"] if i not in after]
    if missing:
        fail(f"the audit log lost {len(missing)} of its {len(state['audit'])} events from before the upgrade: "
             f"ids {', '.join(missing[:20])}")
    changed = [i for i, event in state["audit"].items() if after[i] != event]
    if changed:
        fail(f"audit events changed in the upgrade: {[(i, state['audit'][i], after[i]) for i in changed[:10]]}")
    if len(after) < len(state["audit"]):
        fail(f"the audit log has {len(after)} events, {len(state['audit'])} before the upgrade")
    print(f"after the upgrade: the active API key, the UAT and the private token authenticate, the revoked key and "
          f"a used refresh token are refused, both sessions refresh; the audit log has all {len(state['audit'])} "
          f"events from before ({len(after)} now)")


def encode(value):
    if isinstance(value, bytes):
        return "b64:" + base64.b64encode(value).decode()
    return value


def snapshot(db_path, out_path):
    db = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    tables = {}
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                              "ORDER BY name"):
        info = db.execute(f'PRAGMA table_info("{name}")').fetchall()
        columns = [c[1] for c in info]
        key = [c[1] for c in sorted((c for c in info if c[5] > 0), key=lambda c: c[5])] or columns
        rows = {}
        for row in db.execute(f'SELECT * FROM "{name}"'):
            values = dict(zip(columns, (encode(v) for v in row)))
            rows[json.dumps([values[k] for k in key])] = values
        tables[name] = {"columns": columns, "key": key, "rows": rows}
    db.close()
    recorded = tables.get("schema_migrations", {}).get("rows", {}).values()
    migrations = sorted((r["version"], r["applied_at"]) for r in recorded)
    with open(out_path, "w") as out:
        json.dump({"tables": tables, "migrations": migrations}, out)
    counts = ", ".join(f"{name} {len(t['rows'])}" for name, t in tables.items() if t["rows"])
    print(f"{db_path}: schema {migrations[-1][0] if migrations else 0}; rows: {counts}")


# Columns that record use: the server writes them in batches and when it stops, so the old server's last writes
# may land after the snapshot taken before the upgrade. They may only move forward, never go back or vanish.
USAGE_COLUMNS = {"credentials": {"last_used_at", "last_used_ip"}}


def changed_columns(table, before, after):
    changed = {}
    for column, value in before.items():
        new = after.get(column)
        if column in USAGE_COLUMNS.get(table, ()) and value is None or new == value:
            continue
        if column in USAGE_COLUMNS.get(table, ()) and new is not None and (
                not column.endswith("_at") or new >= value):
            continue
        changed[column] = (value, new)
    return changed


def load(path):
    with open(path) as f:
        return json.load(f)


def compare_kept(pre_path, post_path):
    pre, post = load(pre_path), load(post_path)
    for name, table in pre["tables"].items():
        if name not in post["tables"]:
            fail(f"the upgrade dropped the table {name} ({len(table['rows'])} rows)")
        after = post["tables"][name]["rows"]
        lost = [k for k in table["rows"] if k not in after]
        if lost:
            fail(f"the upgrade lost {len(lost)} of the {len(table['rows'])} rows of {name}: "
                 f"{', '.join(lost[:10])}")
        for k, row in table["rows"].items():
            changed = changed_columns(name, row, after[k])
            if changed:
                fail(f"the upgrade changed the row {k} of {name}: {changed}")
    versions = [v for v, _ in post["migrations"]]
    old = pre["migrations"]
    if versions != list(range(1, len(versions) + 1)):
        fail(f"schema_migrations after the upgrade holds {versions}, not 1..N once each")
    if len(versions) <= len(old):
        fail(f"no migration ran: schema {len(versions)} after the upgrade, {len(old)} before")
    if [tuple(m) for m in post["migrations"][:len(old)]] != [tuple(m) for m in old]:
        fail(f"the migrations from before the upgrade were recorded again: {old} -> {post['migrations'][:len(old)]}")
    print(f"schema {len(old)} -> {len(versions)}: migrations {len(old) + 1}..{len(versions)} recorded once each; "
          f"every row of the {len(pre['tables'])} tables from before is there, unchanged "
          f"({sum(len(t['rows']) for t in pre['tables'].values())} rows)")


def compare_same(pre_path, copy_path):
    pre, copy = load(pre_path), load(copy_path)
    if pre["migrations"] != copy["migrations"]:
        fail(f"the copy made before migrating has the migrations {copy['migrations']}, the database had "
             f"{pre['migrations']}")
    for name in sorted(set(pre["tables"]) | set(copy["tables"])):
        a, b = pre["tables"].get(name, {}).get("rows", {}), copy["tables"].get(name, {}).get("rows", {})
        if set(a) != set(b):
            fail(f"the copy made before migrating differs in {name}: {len(b)} rows, {len(a)} before the upgrade "
                 f"(missing: {sorted(set(a) - set(b))[:10]}, more: {sorted(set(b) - set(a))[:10]})")
        for k, row in a.items():
            changed = changed_columns(name, row, b[k])
            if changed or set(b[k]) != set(row):
                fail(f"the copy made before migrating differs in the row {k} of {name}: {changed or b[k]}")
    print(f"the copy made before migrating holds schema {len(pre['migrations'])} with the same rows as before "
          f"the upgrade")


def main(argv):
    commands = {"seed": seed, "check": check, "snapshot": snapshot, "compare-kept": compare_kept,
                "compare-same": compare_same}
    if len(argv) != 4 or argv[1] not in commands:
        fail(f"usage: {argv[0]} seed|check URL STATE | snapshot DB OUT | compare-kept|compare-same A B")
    commands[argv[1]](argv[2], argv[3])


if __name__ == "__main__":
    main(sys.argv)
