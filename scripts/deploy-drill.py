#!/usr/bin/env python3
"""Drills of several app nodes behind nginx (issue 22), run by `scripts/deploy-local.sh drill` on a set-up brought up
with DEPLOY_NODES=2 or more.

    deploy-drill.py prepare STATE HOST PORT CA_FILE MAIL_DIR ADMIN_EMAIL ADMIN_PASSWORD_FILE NODE_PORTS
        the nodes share sign-in, cookies, races and photos; writes the residents and room for the load to STATE
    deploy-drill.py load STATE SECONDS
        books distinct hours through nginx from 8 threads for SECONDS, each request with an Idempotency-Key, retrying
        a failed or unanswered request with the same key; prints a summary line
    deploy-drill.py verify STATE
        every acknowledged booking exists, and no key made two bookings
    deploy-drill.py mail STATE
        a new person signs up: seconds until the confirmation email is in the SMTP sink (background jobs run)
    deploy-drill.py scale-prepare STATE ROOMS RESIDENTS DIR
        for `scripts/deploy-local.sh scale`: ROOMS rooms open all day and RESIDENTS confirmed residents, written to
        DIR/resources.txt and DIR/tokens.txt (a bearer token a line) for bench/wrk/booking.lua

Prints "ok"/"FAIL" lines and a table of figures; exits 1 when a check fails.
"""
import concurrent.futures
import datetime
import json
import pathlib
import re
import sys
import threading
import time
import uuid

from deploy_client import PASSWORD, SEOUL, Site, png

failed = False


def check(name, passed, detail=""):
    global failed
    print(f"{'ok  ' if passed else 'FAIL'} {name}{': ' + detail if detail else ''}")
    failed |= not passed


def prepare(state_file, host, port, ca_file, mail_dir, admin_email, admin_password_file, node_ports):
    site = Site(host, port, ca_file, mail_dir)
    nodes = [int(p) for p in node_ports.split(",")]
    first, second = nodes[0], nodes[1]
    admin = site.sign_in(admin_email, pathlib.Path(admin_password_file).read_text().strip())

    owner_email, owner = site.confirmed_resident("drill-owner")
    token = site.sign_in(owner_email, node_port=first)
    status, _, _ = site.request("GET", "/api/v1/me", token=token, node_port=second)
    check(f"a bearer token from node {first} is accepted by node {second}", status == 200, f"{status}")

    # The sign-in page on the first node sets the antiforgery and session cookies; a signed-in page on the second.
    status, headers, body = site.request("GET", "/Account/Login", node_port=first)
    cookies = "; ".join(c.split(";")[0] for c in headers.get_all("Set-Cookie") or [])
    token_field = re.search(rb'name="__RequestVerificationToken" type="hidden" value="([^"]+)"', body).group(1).decode()
    form = f"Input.Email={owner_email}&Input.Password={PASSWORD}&__RequestVerificationToken={token_field}".replace("@", "%40")
    status, headers, _ = site.request("POST", "/Account/Login", node_port=first, raw=form.encode(),
                                      content_type="application/x-www-form-urlencoded", headers={"Cookie": cookies})
    cookies = "; ".join([cookies] + [c.split(";")[0] for c in headers.get_all("Set-Cookie") or []])
    status, headers, _ = site.request("GET", "/Bookings/Mine", node_port=second, headers={"Cookie": cookies})
    check(f"a sign-in cookie from node {first}'s page is accepted by node {second}", status == 200, f"{status} {headers.get('Location') or ''}")

    room = site.publish_room(owner, admin, opens="00:00", closes="24:00")

    # An administrator suspends a person on one node: the person's very next request on the other is refused.
    suspended_email, suspended = site.confirmed_resident("drill-suspended")
    suspended_id = site.call("GET", "/api/v1/me", token=suspended, expect=200, node_port=second)["id"]
    site.call("POST", f"/api/v1/admin/users/{suspended_id}/suspend", {"reason": "drill"}, token=admin, expect=204, node_port=first)
    status, _, _ = site.request("GET", "/api/v1/me", token=suspended, node_port=second)
    check(f"a person suspended on node {first} is refused by node {second} at their next request", status == 401, f"{status}")

    # Fifty requests for one period, alternating between the nodes, from ten people.
    racers = [site.sign_up(f"drill-racer{i}") for i in range(10)]
    racer_tokens = [site.confirm_and_sign_in(a) for a in racers]
    starts = datetime.datetime.combine(datetime.datetime.now(SEOUL).date() + datetime.timedelta(days=2), datetime.time(9), SEOUL)
    period = {"resourceId": room, "startsAt": starts.isoformat(), "endsAt": (starts + datetime.timedelta(hours=1)).isoformat(),
              "attendees": 2, "purpose": "drill race"}
    barrier = threading.Barrier(50)

    def race(i):
        barrier.wait()
        return site.request("POST", "/api/v1/bookings", dict(period), token=racer_tokens[i % 10], node_port=nodes[i % len(nodes)])[0]

    with concurrent.futures.ThreadPoolExecutor(50) as pool:
        statuses = list(pool.map(race, range(50)))
    made = statuses.count(201)
    check("50 requests for one period spread over the nodes make exactly one booking", made == 1 and statuses.count(409) == 49,
          f"{made} × 201, {statuses.count(409)} × 409, others {sorted(set(s for s in statuses if s not in (201, 409)))}")

    photo = png()
    boundary = uuid.uuid4().hex
    upload = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"drill.png\"\r\nContent-Type: image/png\r\n\r\n").encode() \
        + photo + f"\r\n--{boundary}--\r\n".encode()
    status, _, body = site.request("POST", f"/api/v1/resources/{room}/photos", token=token, node_port=first, raw=upload,
                                   content_type=f"multipart/form-data; boundary={boundary}")
    url = json.loads(body)["photos"][0]["url"] if status == 201 else None
    served = site.request("GET", url, node_port=second) if url else (0, None, b"")
    check(f"a photo uploaded through node {first} is served by node {second}", status == 201 and served[0] == 200 and len(served[2]) > 0,
          f"upload {status}, {url} on node {second}: {served[0]}")

    # One person holds at most 100 bookings of a room: forty people, and a new room for every load.
    people = [site.sign_up(f"drill-load{i}") for i in range(40)]
    tokens = [site.confirm_and_sign_in(a) for a in people]
    pathlib.Path(state_file).write_text(json.dumps({"host": host, "port": port, "ca": ca_file, "mail": mail_dir, "owner": owner,
                                                    "admin": admin, "tokens": tokens, "run": site.run}))


def load(state_file, seconds):
    state = json.loads(pathlib.Path(state_file).read_text())
    site = Site(state["host"], state["port"], state["ca"], state["mail"])
    site.run = f"{state['run']}-{int(time.time())}"
    state["room"] = site.publish_room(state["owner"], state["admin"], opens="00:00", closes="24:00")
    first_hour = datetime.datetime.combine(datetime.datetime.now(SEOUL).date() + datetime.timedelta(days=3), datetime.time(0), SEOUL)
    next_hour = iter(range(10_000_000))
    lock = threading.Lock()
    acknowledged, unanswered, errors, refused, failures = [], [], {}, {}, []
    deadline = time.time() + seconds

    def worker(number):
        while time.time() < deadline:
            with lock:
                hour = next(next_hour)
            key = f"{state['room']}-{hour}"
            starts = first_hour + datetime.timedelta(hours=hour)
            body = {"resourceId": state["room"], "startsAt": starts.isoformat(), "endsAt": (starts + datetime.timedelta(hours=1)).isoformat(),
                    "attendees": 1, "purpose": f"drill {key}"}
            token = state["tokens"][hour % len(state["tokens"])]
            for attempt in range(6):
                try:
                    status, headers, data = site.request("POST", "/api/v1/bookings", body, token=token, headers={"Idempotency-Key": key})
                except OSError as error:
                    status, data = f"{type(error).__name__}", b""
                if status == 201:
                    with lock:
                        acknowledged.append((key, json.loads(data)["id"]))
                    break
                if status not in (500, 502, 503, 504, 409) and not isinstance(status, str):
                    with lock:
                        refused[status] = refused.get(status, 0) + 1
                    break
                with lock:
                    errors[status] = errors.get(status, 0) + 1
                    failures.append(time.time())
                time.sleep(0.2 * (attempt + 1))
            else:
                with lock:
                    unanswered.append(key)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    started = time.time()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    state["acknowledged"] = acknowledged
    pathlib.Path(state_file).write_text(json.dumps(state))
    elapsed = time.time() - started
    if failures:
        print(f"     failed answers from {min(failures) - started:.1f} s to {max(failures) - started:.1f} s into the load "
              f"({max(failures) - min(failures):.1f} s until requests succeeded again); 500s: {errors.get(500, 0)}")
    print(f"     load: {len(acknowledged)} bookings acknowledged in {elapsed:.0f} s ({len(acknowledged) / elapsed:.0f}/s), "
          f"failed answers (retried with the same key): {errors or 'none'}, refused: {refused or 'none'}, "
          f"requests never acknowledged: {len(unanswered)}")


def verify(state_file):
    state = json.loads(pathlib.Path(state_file).read_text())
    site = Site(state["host"], state["port"], state["ca"], state["mail"])
    found = {}
    for token in state["tokens"]:
        page = 1
        while True:
            items = site.call("GET", f"/api/v1/bookings/mine?pageSize=100&page={page}", token=token, expect=200)
            items = items["items"] if isinstance(items, dict) else items
            for booking in items:
                if booking.get("purpose", "").startswith("drill "):
                    found.setdefault(booking["purpose"][6:], []).append(booking["id"])
            if len(items) < 100:
                break
            page += 1
    acknowledged = state["acknowledged"]
    lost = [key for key, booking in acknowledged if booking not in found.get(key, [])]
    doubled = {key: ids for key, ids in found.items() if len(ids) > 1}
    check("every acknowledged (201) booking survived", not lost, f"{len(acknowledged)} acknowledged, {len(lost)} lost")
    check("no Idempotency-Key made two bookings", not doubled, f"{len(found)} keys booked, {len(doubled)} twice")


def mail(state_file):
    state = json.loads(pathlib.Path(state_file).read_text())
    site = Site(state["host"], state["port"], state["ca"], state["mail"])
    started = time.time()
    address = f"smoke-drill-after-{int(started)}-{site.run}@deploy.sharing.example"
    # A client honours 503 + Retry-After: the sign-up is sent again until it is taken.
    while site.request("POST", "/api/v1/auth/register", {"email": address, "password": PASSWORD, "displayName": "시험 주민"})[0] == 503:
        if time.time() - started > 60:
            break
        time.sleep(1)
    site.mail_to(address, "/Account/ConfirmEmail?", seconds=180)
    waited = time.time() - started
    check("a confirmation email is sent within a minute of the database's return", waited < 60, f"{waited:.1f} s")


def scale_prepare(state_file, rooms, residents, folder):
    state = json.loads(pathlib.Path(state_file).read_text())
    site = Site(state["host"], state["port"], state["ca"], state["mail"])
    resources = []
    for number in range(rooms):
        site.run = f"{state['run']}-scale{number}"
        resources.append(site.publish_room(state["owner"], state["admin"], opens="00:00", closes="24:00"))
    site.run = f"{state['run']}-scale"
    tokens = [site.confirmed_resident(f"scale{number}")[1] for number in range(residents)]
    pathlib.Path(folder, "resources.txt").write_text("\n".join(resources) + "\n")
    pathlib.Path(folder, "tokens.txt").write_text("\n".join(tokens) + "\n")


command = sys.argv[1]
if command == "prepare":
    prepare(*sys.argv[2:10])
elif command == "load":
    load(sys.argv[2], int(sys.argv[3]))
elif command == "verify":
    verify(sys.argv[2])
elif command == "mail":
    mail(sys.argv[2])
elif command == "scale-prepare":
    scale_prepare(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
sys.exit(1 if failed else 0)
