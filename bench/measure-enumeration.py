#!/usr/bin/env python3
"""Account enumeration by timing: do the account routes answer as fast for an address that has an account as for one
that has not?

Against a running app (python3 standard library only, plus psql to confirm the bench's own accounts). For each route
it sends COUNT requests with known addresses and COUNT with unknown ones, interleaved, and prints the median times and
their ratio (slower / faster; the target is at most 1.5).

    ConnectionStrings__Default="Host=127.0.0.1;Port=56432;Username=postgres;Database=sp_bench_enum" \
    ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=http://127.0.0.1:5000 App__BaseUrl=http://127.0.0.1:5000 \
    RateLimiting__AccountPermitsPerMinute=100000 \
    dotnet run --project src/SharingPlatform.Web -c Release --no-launch-profile &
    python3 bench/measure-enumeration.py --base http://127.0.0.1:5000 \
        --psql "host=127.0.0.1 port=56432 user=postgres dbname=sp_bench_enum"

The per-address rate limit must be raised through configuration (as above) or the run ends in 429s. Every known
account gets at most two wrong passwords (one per sign-in route), below any sign-in throttle.
"""

import argparse
import http.cookiejar
import json
import re
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

PASSWORD = "bench-password-2026"
WRONG = "not-the-password-42"


def client():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def send(opener, url, data=None, json_body=None, timeout=30):
    headers = {}
    if json_body is not None:
        data = json.dumps(json_body).encode()
        headers["Content-Type"] = "application/json"
    elif data is not None:
        data = urllib.parse.urlencode(data).encode()
        headers["Content-Type"] = "application/x-www-form-urlencoded"
    request = urllib.request.Request(url, data=data, headers=headers, method="POST" if data is not None else "GET")
    try:
        with opener.open(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


def timed(fn):
    start = time.perf_counter()
    status = fn()
    return (time.perf_counter() - start) * 1000.0, status


def api(base, path, body):
    opener = client()
    return lambda: send(opener, base + path, json_body=body)[0]


def page_login(base, email):
    """GET the page first (antiforgery token and cookie), untimed; the returned function times the POST only."""
    opener = client()
    status, html = send(opener, base + "/Account/Login")
    match = re.search(r'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', html) or re.search(
        r'value="([^"]+)"[^>]*name="__RequestVerificationToken"', html)
    if status != 200 or not match:
        sys.exit(f"could not read the sign-in page's antiforgery token (status {status})")
    form = {"Input.Email": email, "Input.Password": WRONG, "__RequestVerificationToken": match.group(1)}
    return lambda: send(opener, base + "/Account/Login", data=form)[0]


def new_email(kind):
    return f"bench-{kind}-{uuid.uuid4().hex[:12]}@bench.sharing.example"


def make_accounts(base, psql, count, confirmed):
    emails = [new_email("known" if confirmed else "unconfirmed") for _ in range(count)]
    for email in emails:
        status = api(base, "/api/v1/auth/register", {"email": email, "password": PASSWORD, "displayName": "Bench"})()
        if status != 200:
            sys.exit(f"register {email}: {status}")
    # Registration may finish after the response: wait until every account exists.
    quoted = ",".join("'" + e.upper() + "'" for e in emails)
    deadline = time.time() + 60
    while True:
        out = subprocess.run(["psql", psql, "-tAc", f"SELECT count(*) FROM users WHERE normalized_email IN ({quoted})"],
                             check=True, capture_output=True, text=True).stdout.strip()
        if int(out or 0) == count:
            break
        if time.time() > deadline:
            sys.exit(f"only {out} of {count} bench accounts were created")
        time.sleep(0.5)
    if confirmed:
        subprocess.run(["psql", psql, "-qc", f"UPDATE users SET email_confirmed = true WHERE normalized_email IN ({quoted})"],
                       check=True, capture_output=True)
    return emails


def measure(name, known_requests, unknown_requests):
    known, unknown, statuses = [], [], set()
    for k, u in zip(known_requests, unknown_requests):
        for fn, into, label in ((k, known, "known"), (u, unknown, "unknown")):
            ms, status = timed(fn)
            into.append(ms)
            statuses.add((label, status))
    mk, mu = statistics.median(known), statistics.median(unknown)
    ratio = max(mk, mu) / max(min(mk, mu), 0.001)
    verdict = "ok" if ratio <= 1.5 else "LEAKS"
    codes = ", ".join(f"{label} {status}" for label, status in sorted(statuses))
    print(f"{name:<22} known {mk:8.1f} ms   unknown {mu:8.1f} ms   ratio {ratio:5.2f}  {verdict:<5}  ({codes})", flush=True)
    return ratio


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--base", default="http://127.0.0.1:5000")
    parser.add_argument("--psql", required=True, help="libpq connection string of the app's database")
    parser.add_argument("--count", type=int, default=30)
    args = parser.parse_args()
    base, n = args.base.rstrip("/"), args.count

    print(f"creating {n} confirmed and {n} unconfirmed accounts ...", flush=True)
    known = make_accounts(base, args.psql, n, confirmed=True)
    unconfirmed = make_accounts(base, args.psql, n, confirmed=False)

    # Warm-up: JIT, connection pools, the password hasher.
    for _ in range(5):
        api(base, "/api/v1/auth/login", {"email": new_email("warm"), "password": WRONG})()
        api(base, "/api/v1/auth/forgot-password", {"email": new_email("warm")})()
        api(base, "/api/v1/auth/resend-confirmation", {"email": new_email("warm")})()
        api(base, "/api/v1/auth/register", {"email": new_email("warm"), "password": PASSWORD, "displayName": "Bench"})()
        page_login(base, new_email("warm"))()

    unknown = lambda: [new_email("unknown") for _ in range(n)]
    ratios = [
        measure("token sign-in",
                [api(base, "/api/v1/auth/login", {"email": e, "password": WRONG}) for e in known],
                [api(base, "/api/v1/auth/login", {"email": e, "password": WRONG}) for e in unknown()]),
        measure("page sign-in", [page_login(base, e) for e in known], [page_login(base, e) for e in unknown()]),
        measure("register",
                [api(base, "/api/v1/auth/register", {"email": e, "password": PASSWORD, "displayName": "Bench"}) for e in known],
                [api(base, "/api/v1/auth/register", {"email": e, "password": PASSWORD, "displayName": "Bench"}) for e in unknown()]),
        measure("forgot-password",
                [api(base, "/api/v1/auth/forgot-password", {"email": e}) for e in known],
                [api(base, "/api/v1/auth/forgot-password", {"email": e}) for e in unknown()]),
        measure("resend-confirmation",
                [api(base, "/api/v1/auth/resend-confirmation", {"email": e}) for e in unconfirmed],
                [api(base, "/api/v1/auth/resend-confirmation", {"email": e}) for e in unknown()]),
    ]
    print(f"worst ratio {max(ratios):.2f} (target <= 1.5)")


if __name__ == "__main__":
    main()
