#!/usr/bin/env python3
"""The booking part of `scripts/deploy-local.sh smoke`: a whole first booking through nginx on an empty Production
database, as people would make it. A resident signs up and confirms the emailed link, registers an organization,
the administrator verifies it, the resident lists a room and the administrator approves it; a second resident signs
up and books the room; the confirmation email reaches the SMTP sink and /metrics counts the booking.

    deploy-smoke-booking.py HOST PORT CA_FILE MAIL_DIR ADMIN_EMAIL ADMIN_PASSWORD_FILE NODE_PORTS

Connects to 127.0.0.1:PORT over TLS checked against CA_FILE, naming HOST (the public name) in the Host header; reads
/metrics from every app node (NODE_PORTS, comma-separated), since nginx may have sent the two bookings to different ones.
Prints an "ok"/"FAIL" line per step and exits 1 if one failed.
"""
import datetime
import pathlib
import sys

from deploy_client import SEOUL, Site

host, port, ca_file, mail_dir, admin_email, admin_password_file, node_ports = sys.argv[1:8]
site = Site(host, port, ca_file, mail_dir)
failed = False


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


admin = site.sign_in(admin_email, pathlib.Path(admin_password_file).read_text().strip())
owner = step("a resident signs up and confirms the emailed link", lambda: site.confirmed_resident("owner"))
resource = step("it registers an organization, the administrator verifies it, it lists a room, the administrator approves it",
                lambda: site.publish_room(owner[1], admin)) if owner else None
booker = step("a second resident signs up and confirms", lambda: site.confirmed_resident("booker"))


def book():
    day = datetime.datetime.now(SEOUL).date() + datetime.timedelta(days=1)
    starts = datetime.datetime.combine(day, datetime.time(10, 0), SEOUL)
    period = {"resourceId": resource, "startsAt": starts.isoformat(), "endsAt": (starts + datetime.timedelta(hours=1)).isoformat(), "attendees": 4}
    booking = site.call("POST", "/api/v1/bookings", {**period, "purpose": "배포 점검"}, token=booker[1], expect=201)
    if booking["status"] != "confirmed":
        raise AssertionError(f"the booking is {booking['status']}, not confirmed")
    again = site.call("POST", "/api/v1/bookings", {**period, "purpose": "같은 시간"}, token=owner[1], expect=409)
    if again.get("code") != "period_taken":
        raise AssertionError(f"the second booking of the period was refused with {again.get('code')!r}, not period_taken")
    return booking


booking = step("the second resident books the room tomorrow 10:00 (confirmed at once); the same hour again is 409 period_taken",
               book) if resource and booker else None
if booking:
    step("the booking's confirmation email reaches the SMTP sink", lambda: site.mail_to(booker[0], f"스모크 회의실 {site.run}"))


def counted():
    metrics = "\n".join(site.call("GET", "/metrics", expect=200, node_port=int(p)) for p in node_ports.split(","))
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
