#!/usr/bin/python3
"""Load generator and sampler of bench/soak/run (standard library only; see bench/README.md).

Drives two tokendesk-server processes on one database (one HTTPS, one plain HTTP) with a mix of logins, API key
creations, keyed GETs, revocations, connect-and-close floods and half-closed requests for --seconds, samples each
server's RSS and open descriptors every 10 s, prints a summary and exits 0 (pass), 1 (fail) or 2 (could not start).
Only ever connects to 127.0.0.1.
"""

import argparse
import collections
import http.client
import json
import os
import random
import socket
import ssl
import sys
import threading
import time
import urllib.parse

SAMPLE_EVERY = 10.0      # seconds between samples
REQUEST_TIMEOUT = 15.0   # seconds for any one socket operation
LOGIN_INTERVAL = 12.0    # seconds between login attempts per server: 25 per 5 min, under the server's 30 per address
WRONG_EVERY = 5          # every 5th login attempt (the first at 12 s) uses a wrong password (401)
TOKEN_MAX_AGE = 14 * 60  # access tokens live 15 min; older ones are not used
MIN_KEYS, MAX_KEYS = 5, 40
CACHE_SETTLE = 2.5       # s after a revocation before the other server must refuse the key (--auth-cache-ms 1000)
FLOOD_SIZE = 100         # connections per flood burst
FLOOD_PAUSE = 2.0        # s between bursts
HALFCLOSE_PAUSE = 0.2    # s between half-closed requests
MAX_UNEXPECTED_GROUPS = 30  # distinct unexpected results (kind, server, outcome) kept with their first detail

REFUSED = (429, 503)
KINDS = ("login", "login-wrong", "create", "get-products", "get-me", "revoke", "revoked-get", "revoked-get-other",
         "halfclose", "flood")


def now():
    return time.monotonic()


class Stats:
    """Per kind: outcomes ("200", "401", "conn-error: ..."), how many were refusals and how many unexpected."""

    def __init__(self, t0):
        self.t0 = t0
        self.lock = threading.Lock()
        self.kinds = {kind: {"count": 0, "outcomes": collections.Counter(), "refused": 0, "unexpected": 0,
                             "maxMs": 0.0} for kind in KINDS}
        self.unexpected = 0
        self.requests = 0
        self.groups = {}   # (kind, server, outcome) -> {"count", "firstT", "detail"} for unexpected results

    def record(self, kind, server, outcome, verdict, ms=None, detail=""):
        """verdict: "ok", "refused" or "unexpected"."""
        with self.lock:
            k = self.kinds[kind]
            k["count"] += 1
            k["outcomes"][f"{server} {outcome}"] += 1
            if ms is not None and ms > k["maxMs"]:
                k["maxMs"] = ms
            if kind != "flood":
                self.requests += 1
            if verdict == "refused":
                k["refused"] += 1
            elif verdict == "unexpected":
                k["unexpected"] += 1
                self.unexpected += 1
                g = self.groups.get((kind, server, outcome))
                if g is not None:
                    g["count"] += 1
                elif len(self.groups) < MAX_UNEXPECTED_GROUPS:
                    self.groups[(kind, server, outcome)] = {"count": 1, "firstT": round(now() - self.t0, 1),
                                                            "detail": detail[:200]}

    def totals(self):
        with self.lock:
            return self.requests, self.unexpected


class Server:
    def __init__(self, name, url, pid, cafile):
        u = urllib.parse.urlsplit(url)
        if u.hostname != "127.0.0.1" or u.scheme not in ("http", "https") or not u.port:
            raise SystemExit(f"soak: {name} server URL {url!r} is not http(s)://127.0.0.1:PORT")
        self.name, self.url, self.pid = name, url, pid
        self.host, self.port, self.tls = "127.0.0.1", u.port, u.scheme == "https"
        self.ctx = None
        if self.tls:
            self.ctx = ssl.create_default_context(cafile=cafile)
        self.samples = []  # (t, rss KiB, fds)
        self.dead = None   # why it is considered dead

    def connection(self):
        if self.tls:
            return http.client.HTTPSConnection(self.host, self.port, timeout=REQUEST_TIMEOUT, context=self.ctx)
        return http.client.HTTPConnection(self.host, self.port, timeout=REQUEST_TIMEOUT)

    def probe(self):
        """(rss KiB, fds) or None when the process is gone or a zombie."""
        try:
            with open(f"/proc/{self.pid}/status") as f:
                status = f.read()
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            state = fields.get("State", "").strip()
            if state.startswith(("Z", "X")):
                self.dead = self.dead or f"process {self.pid} exited (state {state})"
                return None
            rss = int(fields["VmRSS"].split()[0])
            fds = len(os.listdir(f"/proc/{self.pid}/fd"))
            return rss, fds
        except (OSError, KeyError, ValueError) as e:
            self.dead = self.dead or f"process {self.pid} has exited"
            return None


class Client:
    """One keep-alive connection to one server. Any connection error is reported to the caller (no silent retry)."""

    def __init__(self, server):
        self.server = server
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        """(status, body bytes, ms); raises OSError / http.client.HTTPException on connection errors."""
        h = dict(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        if self.conn is None:
            self.conn = self.server.connection()
        t = now()
        try:
            self.conn.request(method, path, body=data, headers=h)
            resp = self.conn.getresponse()
            payload = resp.read()
        except BaseException:
            self.close()
            raise
        if resp.will_close:
            self.close()
        return resp.status, payload, (now() - t) * 1000

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except OSError:
                pass
            self.conn = None


def json_data(payload):
    try:
        doc = json.loads(payload)
        return doc.get("data") if isinstance(doc, dict) else None
    except ValueError:
        return None


def describe(e):
    return f"conn-error: {e.__class__.__name__}"


class Soak:
    def __init__(self, args):
        self.args = args
        self.t0 = now()
        self.deadline = self.t0 + args.seconds
        self.stop = threading.Event()
        self.stats = Stats(self.t0)
        self.servers = [Server("https", args.https_url, args.https_pid, args.cafile),
                        Server("http", args.http_url, args.http_pid, args.cafile)]
        self.tokens = {}  # server name -> (token, obtained at)
        self.tokens_lock = threading.Lock()
        self.keys = []    # live API keys not in use: dicts with secret, id
        self.keys_live = 0
        self.keys_lock = threading.Lock()
        self.revoked = collections.deque(maxlen=1000)  # (key, revoked at, revoked on server)
        self.flood_lock = threading.Lock()  # held by a burst; the sampler takes it so that no burst is open
        self.seq = 0
        self.seq_lock = threading.Lock()

    def running(self):
        # The main thread sets stop after the last sample, so that it is taken under load; the deadline is a backstop.
        return not self.stop.is_set() and now() < self.deadline + REQUEST_TIMEOUT

    def other(self, server):
        return self.servers[1] if server is self.servers[0] else self.servers[0]

    # ---- logins ----

    def login(self, client, wrong):
        srv = client.server
        password = self.args.password + ("-wrong" if wrong else "")
        try:
            status, payload, ms = client.request("POST", "/api/v1/auth/login",
                                                 {"email": self.args.email, "password": password})
        except (OSError, http.client.HTTPException) as e:
            self.stats.record("login-wrong" if wrong else "login", srv.name, describe(e), "unexpected", detail=str(e))
            return None
        if status in REFUSED:
            self.stats.record("login-wrong" if wrong else "login", srv.name, str(status), "refused", ms)
            return None
        if wrong:
            verdict = "ok" if status == 401 else "unexpected"
            self.stats.record("login-wrong", srv.name, str(status), verdict, ms, payload.decode(errors="replace"))
            return None
        token = (json_data(payload) or {}).get("token") if status == 200 else None
        if status == 200 and isinstance(token, str) and token.count(".") == 2:
            self.stats.record("login", srv.name, "200", "ok", ms)
            with self.tokens_lock:
                self.tokens[srv.name] = (token, now())
            return token
        self.stats.record("login", srv.name, str(status), "unexpected", ms, payload.decode(errors="replace"))
        return None

    def login_loop(self, srv):
        client = Client(srv)
        attempt = 1  # the first login was made before the load started
        try:
            while self.running():
                started = now()
                attempt += 1
                self.login(client, wrong=(attempt % WRONG_EVERY == 2))  # 2, 7, 12, ...: one early
                self.stop.wait(max(0.0, started + LOGIN_INTERVAL - now()))
        finally:
            client.close()

    def token(self):
        with self.tokens_lock:
            fresh = [(name, t) for name, t in self.tokens.items() if now() - t[1] < TOKEN_MAX_AGE]
        if not fresh:
            return None
        name, (token, at) = random.choice(fresh)
        return token, at, name

    def drop_token(self, token):
        with self.tokens_lock:
            for name, (t, _) in list(self.tokens.items()):
                if t == token:
                    del self.tokens[name]

    def bearer_refused(self, kind, srv, status, ms, payload, tok):
        """A 401 to a bearer request: expected only from a token near its end of life."""
        token, at, _ = tok
        self.drop_token(token)  # the login threads bring a new one within LOGIN_INTERVAL
        verdict = "refused" if now() - at >= TOKEN_MAX_AGE - 60 else "unexpected"
        self.stats.record(kind, srv.name, str(status), verdict, ms, payload.decode(errors="replace"))

    # ---- API keys ----

    def create(self, client):
        srv = client.server
        tok = self.token()
        if tok is None:
            return False
        with self.seq_lock:
            self.seq += 1
            n = self.seq
        with self.keys_lock:
            self.keys_live += 1  # reserve a place so that concurrent creations respect MAX_KEYS
        created = False
        try:
            try:
                status, payload, ms = client.request("POST", "/api/v1/api-keys",
                                                     {"name": f"soak-{n}", "scopes": ["read:products"]},
                                                     {"Authorization": f"Bearer {tok[0]}"})
            except (OSError, http.client.HTTPException) as e:
                self.stats.record("create", srv.name, describe(e), "unexpected", detail=str(e))
                return True
            if status in REFUSED:
                self.stats.record("create", srv.name, str(status), "refused", ms)
                return True
            if status == 401:
                self.bearer_refused("create", srv, status, ms, payload, tok)
                return True
            data = json_data(payload) or {}
            secret = data.get("secret")
            key_id = (data.get("apiKey") or {}).get("id")
            if status == 201 and isinstance(secret, str) and secret.startswith("tdk_") and isinstance(key_id, str) \
                    and key_id:
                self.stats.record("create", srv.name, "201", "ok", ms)
                with self.keys_lock:
                    self.keys.append({"secret": secret, "id": key_id, "n": n})
                created = True
            else:
                self.stats.record("create", srv.name, str(status), "unexpected", ms, payload.decode(errors="replace"))
            return True
        finally:
            if not created:
                with self.keys_lock:
                    self.keys_live -= 1

    def checkout(self, oldest=False):
        with self.keys_lock:
            if not self.keys:
                return None
            i = 0 if oldest else random.randrange(len(self.keys))
            self.keys[i], self.keys[-1] = self.keys[-1], self.keys[i]
            return self.keys.pop()

    def checkin(self, key):
        with self.keys_lock:
            self.keys.append(key)

    def forget(self, key):
        with self.keys_lock:
            self.keys_live -= 1

    def keyed_get(self, client, path, kind):
        srv = client.server
        key = self.checkout()
        if key is None:
            return False
        keep = True
        try:
            status, payload, ms = client.request("GET", path, headers={"X-API-Key": key["secret"]})
        except (OSError, http.client.HTTPException) as e:
            self.stats.record(kind, srv.name, describe(e), "unexpected", detail=str(e))
        else:
            if status == 200 and json_data(payload) is not None:
                self.stats.record(kind, srv.name, "200", "ok", ms)
            elif status in REFUSED:
                self.stats.record(kind, srv.name, str(status), "refused", ms)
            else:
                self.stats.record(kind, srv.name, str(status), "unexpected", ms,
                                  f"key soak-{key['n']}: " + payload.decode(errors="replace"))
                keep = status != 401  # a key refused once is not used again
        if keep:
            self.checkin(key)
        else:
            self.forget(key)
        return True

    def revoke(self, client):
        srv = client.server
        tok = self.token()
        if tok is None:
            return False
        key = self.checkout(oldest=True)
        if key is None:
            return False
        try:
            status, payload, ms = client.request("POST", f"/api/v1/api-keys/{key['id']}/revoke", body={},
                                                 headers={"Authorization": f"Bearer {tok[0]}"})
        except (OSError, http.client.HTTPException) as e:
            self.stats.record("revoke", srv.name, describe(e), "unexpected", detail=str(e))
            self.forget(key)  # its state is unknown
            return True
        if status in REFUSED:
            self.stats.record("revoke", srv.name, str(status), "refused", ms)
            self.checkin(key)
            return True
        if status == 401:
            self.bearer_refused("revoke", srv, status, ms, payload, tok)
            self.checkin(key)
            return True
        data = json_data(payload) or {}
        if status != 200 or (data.get("apiKey") or {}).get("status") != "revoked":
            self.stats.record("revoke", srv.name, str(status), "unexpected", ms, payload.decode(errors="replace"))
            self.forget(key)
            return True
        self.stats.record("revoke", srv.name, "200", "ok", ms)
        self.forget(key)
        # The server that revoked refuses the key at once; the other one within its auth cache time.
        self.revoked_get(client, key, "revoked-get")
        self.revoked.append((key, now(), srv))
        return True

    def revoked_get(self, client, key, kind):
        srv = client.server
        try:
            status, payload, ms = client.request("GET", "/api/v1/products", headers={"X-API-Key": key["secret"]})
        except (OSError, http.client.HTTPException) as e:
            self.stats.record(kind, srv.name, describe(e), "unexpected", detail=str(e))
            return
        if status == 401:
            self.stats.record(kind, srv.name, "401", "ok", ms)
        elif status in REFUSED:
            self.stats.record(kind, srv.name, str(status), "refused", ms)
        else:
            self.stats.record(kind, srv.name, str(status), "unexpected", ms,
                              f"revoked key soak-{key['n']}: " + payload.decode(errors="replace"))

    def settled_revocation(self):
        try:
            key, at, srv = self.revoked[0]
        except IndexError:
            return None
        if now() - at < CACHE_SETTLE:
            return None
        try:
            return self.revoked.popleft()
        except IndexError:
            return None

    def worker(self, index):
        rnd = random.Random(index)
        clients = {s.name: Client(s) for s in self.servers}
        try:
            while self.running():
                client = clients[rnd.choice(self.servers).name]
                settled = self.settled_revocation()
                if settled is not None:
                    key, _, revoked_on = settled
                    self.revoked_get(clients[self.other(revoked_on).name], key, "revoked-get-other")
                    continue
                with self.keys_lock:
                    live = self.keys_live
                r = rnd.random()
                done = False
                if live < MIN_KEYS or (r < 0.04 and live < MAX_KEYS):
                    done = self.create(client)
                elif r < 0.07 and live > MIN_KEYS:
                    done = self.revoke(client)
                elif r < 0.55:
                    done = self.keyed_get(client, "/api/v1/products", "get-products")
                else:
                    done = self.keyed_get(client, "/api/v1/me", "get-me")
                if not done:
                    self.stop.wait(0.05)  # no token or no key yet
        finally:
            for c in clients.values():
                c.close()

    # ---- raw sockets ----

    def flood_loop(self):
        burst = 0
        while self.running():
            srv = self.servers[1] if burst % 3 == 2 else self.servers[0]  # the HTTPS port two bursts out of three
            burst += 1
            with self.flood_lock:
                socks = []
                try:
                    for i in range(FLOOD_SIZE):
                        if not self.running():
                            break
                        t = now()
                        try:
                            s = socket.create_connection((srv.host, srv.port), timeout=5)
                        except OSError as e:
                            self.stats.record("flood", srv.name, describe(e), "unexpected", detail=str(e))
                            continue
                        socks.append(s)
                        self.stats.record("flood", srv.name, "connected", "ok", (now() - t) * 1000)
                finally:
                    for i, s in enumerate(socks):
                        if i % 2:  # half of them with a reset instead of a FIN
                            s.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
                        s.close()
                self.stop.wait(0.2)  # let the server see the closes before a sample
            self.stop.wait(FLOOD_PAUSE)

    def halfclose_once(self, srv, count):
        request = (f"GET /api/v1/me HTTP/1.1\r\nHost: 127.0.0.1:{srv.port}\r\n\r\n").encode() * count
        t = now()
        end = t + REQUEST_TIMEOUT
        data = b""
        try:
            with socket.create_connection((srv.host, srv.port), timeout=REQUEST_TIMEOUT) as s:
                s.sendall(request)
                s.shutdown(socket.SHUT_WR)
                while len(data) < 1 << 20:
                    s.settimeout(max(0.01, end - now()))
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    data += chunk
        except (OSError, socket.timeout) as e:
            self.stats.record("halfclose", srv.name, describe(e), "unexpected",
                              detail=f"{e}; got {data[:80]!r}")
            return
        ms = (now() - t) * 1000
        statuses = []
        pos = 0
        while pos < len(data):
            head_end = data.find(b"\r\n\r\n", pos)
            if head_end < 0:
                break
            head = data[pos:head_end].decode("latin-1").split("\r\n")
            parts = head[0].split(" ", 2)
            statuses.append(parts[1] if len(parts) > 1 and parts[0] == "HTTP/1.1" else "?")
            length = 0
            for line in head[1:]:
                name, _, value = line.partition(":")
                if name.strip().lower() == "content-length":
                    length = int(value.strip() or 0)
            pos = head_end + 4 + length
        outcome = "+".join(statuses) or "no answer"
        if statuses == ["401"] * count and pos == len(data):
            self.stats.record("halfclose", srv.name, outcome, "ok", ms)
        elif statuses and all(s in ("401", "503") for s in statuses) and "503" in statuses:
            self.stats.record("halfclose", srv.name, outcome, "refused", ms)
        else:
            self.stats.record("halfclose", srv.name, outcome, "unexpected", ms, repr(data[:200]))

    def halfclose_loop(self):
        # Plain HTTP only: a TLS peer's FIN without close_notify ends a TLS connection (QSslSocket aborts it).
        srv = self.servers[1]
        n = 0
        while self.running():
            n += 1
            self.halfclose_once(srv, 2 if n % 4 == 0 else 1)  # every 4th sends two pipelined requests
            self.stop.wait(HALFCLOSE_PAUSE)

    # ---- sampling ----

    def sample(self, t, quiet_flood=True):
        acquired = self.flood_lock.acquire(timeout=10) if quiet_flood else False
        try:
            line = [f"t={t:.0f}s"]
            for srv in self.servers:
                probe = srv.probe()
                if probe is None:
                    line.append(f"{srv.name} DEAD ({srv.dead})")
                else:
                    srv.samples.append((round(t, 1), probe[0], probe[1]))
                    line.append(f"{srv.name} rss={probe[0]} fds={probe[1]}")
            requests, unexpected = self.stats.totals()
            line.append(f"requests={requests} errors={unexpected}")
            print(line[0] + " " + " | ".join(line[1:]), flush=True)
        finally:
            if acquired:
                self.flood_lock.release()

    def first_logins(self):
        for srv in self.servers:
            client = Client(srv)
            try:
                for _ in range(5):
                    if self.login(client, wrong=False):
                        break
                    time.sleep(2)
                else:
                    return f"could not log in on {srv.name} ({srv.url}); see the summary below"
            finally:
                client.close()
        return None

    def run(self):
        a = self.args
        print(f"soak: {a.seconds} s, {a.workers} workers; https {self.servers[0].url} (pid {self.servers[0].pid}), "
              f"http {self.servers[1].url} (pid {self.servers[1].pid})", flush=True)
        self.sample(0, quiet_flood=False)
        problem = self.first_logins()
        if problem:
            print(f"soak: {problem}", file=sys.stderr)
            self.stop.set()
            return self.summary(start_failed=problem)
        threads = [threading.Thread(target=self.login_loop, args=(s,), name=f"login-{s.name}", daemon=True)
                   for s in self.servers]
        threads += [threading.Thread(target=self.worker, args=(i,), name=f"worker-{i}", daemon=True)
                    for i in range(a.workers)]
        threads.append(threading.Thread(target=self.flood_loop, name="flood", daemon=True))
        threads.append(threading.Thread(target=self.halfclose_loop, name="halfclose", daemon=True))
        for t in threads:
            t.start()
        next_sample = self.t0 + SAMPLE_EVERY
        died = False
        while not died:
            # Every second: is each server still there? A dead one ends the run at once.
            time.sleep(max(0.0, min(next_sample, self.deadline, now() + 1.0) - now()))
            died = any(s.probe() is None for s in self.servers)
            if died or now() >= self.deadline:
                break
            if now() >= next_sample:
                self.sample(now() - self.t0)
                next_sample += SAMPLE_EVERY
        # The last sample, still under load (or the one that shows which server died).
        self.sample(now() - self.t0 if died else float(a.seconds))
        self.stop.set()
        stuck = []
        join_by = now() + REQUEST_TIMEOUT + 10
        for t in threads:
            t.join(max(0.1, join_by - now()))
            if t.is_alive():
                stuck.append(t.name)
        time.sleep(2)
        after = {}
        for srv in self.servers:
            probe = srv.probe()
            after[srv.name] = None if probe is None else {"rss": probe[0], "fds": probe[1]}
        return self.summary(after=after, stuck=stuck)

    # ---- summary ----

    def summary(self, after=None, stuck=None, start_failed=None):
        a = self.args
        warmup = min(0.2 * a.seconds, 30.0)
        failures = []
        if start_failed:
            failures.append(start_failed)
        if stuck:
            failures.append(f"load threads did not stop: {', '.join(stuck)}")
        requests, unexpected = self.stats.totals()
        if unexpected:
            failures.append(f"{unexpected} unexpected result(s)")
        out = {"seconds": a.seconds, "warmupSeconds": warmup, "workers": a.workers, "binary": a.binary,
               "requests": requests, "unexpected": unexpected,
               "unexpectedGroups": [{"kind": k, "server": s, "outcome": o, **g}
                                    for (k, s, o), g in self.stats.groups.items()],
               "kinds": {}, "servers": {}}

        print()
        print(f"== summary: {a.seconds} s, warm-up {warmup:g} s, {a.workers} workers, {a.binary}")
        print(f"{'kind':<18} {'count':>8} {'refused':>8} {'unexp.':>7} {'max ms':>8}  outcomes (server status: n)")
        refused_total = 0
        for kind, k in self.stats.kinds.items():
            outcomes = ", ".join(f"{o}: {n}" for o, n in sorted(k["outcomes"].items()))
            print(f"{kind:<18} {k['count']:>8} {k['refused']:>8} {k['unexpected']:>7} {k['maxMs']:>8.0f}  {outcomes}")
            if kind != "flood":
                refused_total += k["refused"]
            out["kinds"][kind] = {"count": k["count"], "refused": k["refused"], "unexpected": k["unexpected"],
                                  "maxMs": round(k["maxMs"], 1), "outcomes": dict(k["outcomes"])}
        out["refused"] = refused_total
        print(f"requests {requests} (flood connections not included), refused (429/503) {refused_total}, "
              f"unexpected {unexpected}")
        for (kind, server, outcome), g in sorted(self.stats.groups.items(), key=lambda i: -i[1]["count"]):
            print(f"  unexpected: {g['count']} x {kind} on {server}: {outcome}, first at t={g['firstT']}s"
                  + (f" ({g['detail']})" if g["detail"] else ""))
        grouped = sum(g["count"] for g in self.stats.groups.values())
        if unexpected > grouped:
            print(f"  ... and {unexpected - grouped} more of other kinds")

        print(f"{'server':<6} {'samples':>7}  {'RSS KiB first / last / max':>28}  {'fds first / last / max':>24}"
              f"  (after warm-up)")
        for srv in self.servers:
            post = [s for s in srv.samples if s[0] >= warmup and s[0] > 0]
            info = {"url": srv.url, "pid": srv.pid, "alive": srv.dead is None, "died": srv.dead,
                    "samples": [{"t": t, "rssKiB": r, "fds": f} for t, r, f in srv.samples],
                    "afterLoad": (after or {}).get(srv.name)}
            if srv.dead:
                failures.append(f"{srv.name} server died: {srv.dead}")
            if post:
                rss = [s[1] for s in post]
                fds = [s[2] for s in post]
                info["postWarmup"] = {"rssFirstKiB": rss[0], "rssLastKiB": rss[-1], "rssMaxKiB": max(rss),
                                      "fdsFirst": fds[0], "fdsLast": fds[-1], "fdsMax": max(fds)}
                print(f"{srv.name:<6} {len(post):>7}  {rss[0]:>8} / {rss[-1]:>8} / {max(rss):>8}"
                      f"  {fds[0]:>6} / {fds[-1]:>6} / {max(fds):>6}")
                if len(post) >= 2:
                    rss_limit = rss[0] * 1.25 + 10 * 1024
                    if rss[-1] > rss_limit:
                        failures.append(f"{srv.name} RSS grew from {rss[0]} to {rss[-1]} KiB after warm-up "
                                        f"(limit {rss_limit:.0f} KiB: +25 % + 10 MiB)")
                    if fds[-1] - fds[0] > 50:
                        failures.append(f"{srv.name} descriptors grew from {fds[0]} to {fds[-1]} after warm-up "
                                        f"(limit +50)")
                else:
                    print(f"{'':<6} only one sample after warm-up: growth not judged")
            else:
                print(f"{srv.name:<6} {0:>7}  no sample after warm-up")
            out["servers"][srv.name] = info
        if after:
            print("after the load (2 s later): " + " | ".join(
                f"{name} rss={v['rss']} fds={v['fds']}" if v else f"{name} gone" for name, v in after.items()))

        out["failures"] = failures
        out["passed"] = not failures
        if failures:
            print("soak: FAIL: " + "; ".join(failures))
        else:
            print("soak: PASS")
        if a.json:
            try:
                with open(a.json, "w") as f:
                    json.dump(out, f, indent=2)
                    f.write("\n")
            except OSError as e:
                print(f"soak: could not write {a.json}: {e}", file=sys.stderr)
                return 2
        if start_failed:
            return 2
        return 1 if failures else 0


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--seconds", type=int, required=True)
    p.add_argument("--https-url", required=True)
    p.add_argument("--http-url", required=True)
    p.add_argument("--https-pid", type=int, required=True)
    p.add_argument("--http-pid", type=int, required=True)
    p.add_argument("--cafile", required=True)
    p.add_argument("--email", required=True)
    p.add_argument("--password", required=True)
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--binary", default="")
    p.add_argument("--json", default="")
    args = p.parse_args()
    if args.seconds < 1 or args.workers < 1:
        p.error("--seconds and --workers must be positive")
    sys.exit(Soak(args).run())


if __name__ == "__main__":
    main()
