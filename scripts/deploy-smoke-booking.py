#!/usr/bin/env python3
"""The booking part of `scripts/deploy-local.sh smoke`: a whole first booking through nginx on an empty Production
database, as people would make it. A resident signs up and confirms the emailed link, registers an organization,
the administrator verifies it, the resident lists a room and the administrator approves it; a second resident signs
up and books the room; the confirmation email reaches the SMTP sink and /metrics counts the booking.

    deploy-smoke-booking.py HOST PORT CA_FILE MAIL_DIR ADMIN_EMAIL ADMIN_PASSWORD_FILE

Connects to 127.0.0.1:PORT over TLS checked against CA_FILE, naming HOST (the public name) in the Host header.
Prints an "ok"/"FAIL" line per step and exits 1 if one failed.
"""
import datetime
import email
import email.policy
import http.client
import json
import pathlib
import random
import re
import ssl
import sys
import time
import urllib.parse

host, port, ca_file, mail_dir, admin_email, admin_password_file = sys.argv[1:7]
port = int(port)
context = ssl.create_default_context(cafile=ca_file)
run = f"{int(time.time())}-{random.randint(1000, 9999)}"
failed = False


def call(method, path, body=None, token=None, expect=None):
    connection = http.client.HTTPSConnection("127.0.0.1", port, context=context, timeout=30)
    headers = {"Host": f"{host}:{port}", "Accept": "application/json"}
    if body is not None:
        headers["Content-Type"] = "application/json"
    if token:
        headers["Authorization"] = f"Bearer {token}"
    connection.request(method, path, json.dumps(body) if body is not None else None, headers)
    response = connection.getresponse()
    text = response.read().decode()
    connection.close()
    if expect is not None and response.status != expect:
        raise AssertionError(f"{method} {path} answered {response.status}, expected {expect}: {text[:300]}")
    return json.loads(text) if text and text[0] in "{[" else text


def step(name, action):
    global failed
    try:
        result = action()
        print(f"ok   {name}")
        return result
    except Exception as error:  # a smoke reports every step, then fails once
        print(f"FAIL {name}: {error}")
        failed = True
        return None


def mail_to(address, contains, seconds=30):
    """The plain-text body of a message in the sink to ADDRESS that contains CONTAINS, waiting for it."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        for path in pathlib.Path(mail_dir).glob("*.eml"):
            message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
            if address not in str(message["To"]):
                continue
            for part in message.walk():
                if part.get_content_type() == "text/plain" and contains in part.get_content():
                    return part.get_content()
        time.sleep(0.5)
    raise AssertionError(f"no message to {address} containing {contains!r} within {seconds} s")


def business_registration_number():
    digits = [random.randrange(10) for _ in range(9)]
    weights = [1, 3, 7, 1, 3, 7, 1, 3, 5]
    total = sum(w * d for w, d in zip(weights, digits)) + digits[8] * 5 // 10
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def confirmed_resident(name):
    address = f"smoke-{name}-{run}@deploy.sharing.example"
    password = "a-long-smoke-pass-phrase"
    call("POST", "/api/v1/auth/register", {"email": address, "password": password, "displayName": "시험 주민"}, expect=200)
    body = mail_to(address, "/Account/ConfirmEmail?")
    link = urllib.parse.urlparse(re.search(r"https://\S+/Account/ConfirmEmail\?\S+", body).group(0))
    query = urllib.parse.parse_qs(link.query)
    call("POST", "/api/v1/auth/confirm-email", {"userId": query["userId"][0], "code": query["code"][0]}, expect=204)
    token = call("POST", "/api/v1/auth/login", {"email": address, "password": password}, expect=200)["accessToken"]
    return address, token


admin = call("POST", "/api/v1/auth/login",
             {"email": admin_email, "password": pathlib.Path(admin_password_file).read_text().strip()}, expect=200)["accessToken"]
owner = step("a resident signs up and confirms the emailed link", lambda: confirmed_resident("owner"))


def publish_room():
    organization = call("POST", "/api/v1/organizations", {
        "name": f"스모크 공유협동조합 {run}", "kind": "cooperative", "businessRegistrationNumber": business_registration_number(),
        "municipality": "jeonju", "address": "전북특별자치도 전주시 완산구 풍남문로 1", "phone": "063-123-4567",
        "email": "coop@deploy.sharing.example", "description": "배포 점검용 협동조합"}, token=owner[1], expect=201)["id"]
    call("POST", f"/api/v1/admin/organizations/{organization}/verify", {"reason": None}, token=admin, expect=204)
    every_day = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
    resource = call("POST", "/api/v1/resources", {
        "organizationId": organization, "category": "space", "title": f"스모크 회의실 {run}",
        "description": "배포 점검용 회의실입니다.", "municipality": "jeonju", "address": "전북특별자치도 전주시 완산구 풍남문로 1, 2층",
        "capacity": 10, "feePerHour": None, "feeNote": "무료",
        "policy": {"approvalMode": "automatic", "slotMinutes": 30, "minMinutes": 60, "maxMinutes": 240, "minNoticeMinutes": 60,
                   "horizonDays": 60, "bufferMinutes": 0, "requiresCheckIn": False, "maxActivePerPerson": 3,
                   "openingHours": [{"dayOfWeek": d, "opens": "09:00", "closes": "18:00"} for d in every_day],
                   "closedDates": []}}, token=owner[1], expect=201)["id"]
    call("POST", f"/api/v1/resources/{resource}/submit", token=owner[1], expect=200)
    call("POST", f"/api/v1/admin/resources/{resource}/approve", {"reason": None}, token=admin, expect=204)
    return resource


resource = step("it registers an organization, the administrator verifies it, it lists a room, the administrator approves it",
                publish_room) if owner else None
booker = step("a second resident signs up and confirms", lambda: confirmed_resident("booker"))


def book():
    seoul = datetime.timezone(datetime.timedelta(hours=9))
    day = datetime.datetime.now(seoul).date() + datetime.timedelta(days=1)
    starts = datetime.datetime.combine(day, datetime.time(10, 0), seoul)
    booking = call("POST", "/api/v1/bookings", {
        "resourceId": resource, "startsAt": starts.isoformat(), "endsAt": (starts + datetime.timedelta(hours=1)).isoformat(),
        "attendees": 4, "purpose": "배포 점검"}, token=booker[1], expect=201)
    if booking["status"] != "confirmed":
        raise AssertionError(f"the booking is {booking['status']}, not confirmed")
    again = call("POST", "/api/v1/bookings", {
        "resourceId": resource, "startsAt": starts.isoformat(), "endsAt": (starts + datetime.timedelta(hours=1)).isoformat(),
        "attendees": 4, "purpose": "같은 시간"}, token=owner[1], expect=409)
    if again.get("code") != "period_taken":
        raise AssertionError(f"the second booking of the period was refused with {again.get('code')!r}, not period_taken")
    return booking


booking = step("the second resident books the room tomorrow 10:00 (confirmed at once); the same hour again is 409 period_taken",
               book) if resource and booker else None
if booking:
    step("the booking's confirmation email reaches the SMTP sink", lambda: mail_to(booker[0], f"스모크 회의실 {run}"))


def counted():
    metrics = call("GET", "/metrics", expect=200)
    lines = [line for line in metrics.splitlines()
             if line.startswith("sharingplatform_use_cases_total{") and 'use_case="CreateBooking"' in line]
    done = [line for line in lines if 'outcome="done"' in line]
    refused = [line for line in lines if 'code="period_taken"' in line]
    if not done or not refused:
        raise AssertionError("no CreateBooking lines for done and period_taken in /metrics")
    for line in done + refused:
        print(f"     {line}")


if booking:
    step("/metrics counts the booking made and the one refused", counted)
sys.exit(1 if failed else 0)
