"""What scripts/deploy-smoke-booking.py and scripts/deploy-drill.py do with the site: HTTP calls (through nginx over
TLS, or straight to one app node), the SMTP sink's messages, confirmed residents, a published room."""
import datetime
import email
import email.policy
import http.client
import json
import pathlib
import random
import re
import ssl
import struct
import time
import urllib.parse
import zlib

SEOUL = datetime.timezone(datetime.timedelta(hours=9))
PASSWORD = "a-long-smoke-pass-phrase"


class Site:
    def __init__(self, host, port, ca_file, mail_dir):
        self.host, self.port, self.mail_dir = host, int(port), mail_dir
        self.context = ssl.create_default_context(cafile=ca_file)
        self.run = f"{int(time.time())}-{random.randint(1000, 9999)}"

    def connection(self, node_port=None):
        """Through nginx, or straight to the app node listening on NODE_PORT (as the proxy would, over plain HTTP)."""
        if node_port:
            return http.client.HTTPConnection("127.0.0.1", node_port, timeout=30)
        return http.client.HTTPSConnection("127.0.0.1", self.port, context=self.context, timeout=30)

    def request(self, method, path, body=None, token=None, node_port=None, headers=None, raw=None, content_type=None):
        """(status, headers, text) of one request."""
        connection = self.connection(node_port)
        sent = {"Host": f"{self.host}:{self.port}", "Accept": "application/json"}
        if node_port:
            sent["X-Forwarded-Proto"] = "https"
        if body is not None:
            sent["Content-Type"] = "application/json"
            raw = json.dumps(body).encode()
        elif content_type:
            sent["Content-Type"] = content_type
        if token:
            sent["Authorization"] = f"Bearer {token}"
        sent.update(headers or {})
        try:
            connection.request(method, path, raw, sent)
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def call(self, method, path, body=None, token=None, expect=None, node_port=None, headers=None):
        status, _, data = self.request(method, path, body, token, node_port, headers)
        text = data.decode()
        if expect is not None and status != expect:
            raise AssertionError(f"{method} {path} answered {status}, expected {expect}: {text[:300]}")
        return json.loads(text) if text and text[0] in "{[" else text

    def mail_to(self, address, contains, seconds=60):
        """The plain-text body of a message in the sink to ADDRESS that contains CONTAINS, waiting for it."""
        deadline = time.time() + seconds
        while time.time() < deadline:
            for path in pathlib.Path(self.mail_dir).glob("*.eml"):
                message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
                if address not in str(message["To"]):
                    continue
                for part in message.walk():
                    if part.get_content_type() == "text/plain" and contains in part.get_content():
                        return part.get_content()
            time.sleep(0.5)
        raise AssertionError(f"no message to {address} containing {contains!r} within {seconds} s")

    def sign_up(self, name):
        address = f"smoke-{name}-{self.run}@deploy.sharing.example"
        self.call("POST", "/api/v1/auth/register", {"email": address, "password": PASSWORD, "displayName": "시험 주민"}, expect=200)
        return address

    def confirm_and_sign_in(self, address):
        body = self.mail_to(address, "/Account/ConfirmEmail?")
        link = urllib.parse.urlparse(re.search(r"https://\S+/Account/ConfirmEmail\?\S+", body).group(0))
        query = urllib.parse.parse_qs(link.query)
        self.call("POST", "/api/v1/auth/confirm-email", {"userId": query["userId"][0], "code": query["code"][0]}, expect=204)
        return self.sign_in(address)

    def sign_in(self, address, password=PASSWORD, node_port=None):
        return self.call("POST", "/api/v1/auth/login", {"email": address, "password": password}, expect=200, node_port=node_port)["accessToken"]

    def confirmed_resident(self, name):
        address = self.sign_up(name)
        return address, self.confirm_and_sign_in(address)

    def publish_room(self, owner_token, admin_token, opens="09:00", closes="18:00"):
        organization = self.call("POST", "/api/v1/organizations", {
            "name": f"스모크 공유협동조합 {self.run}", "kind": "cooperative", "businessRegistrationNumber": business_registration_number(),
            "municipality": "jeonju", "address": "전북특별자치도 전주시 완산구 풍남문로 1", "phone": "063-123-4567",
            "email": "coop@deploy.sharing.example", "description": "배포 점검용 협동조합"}, token=owner_token, expect=201)["id"]
        self.call("POST", f"/api/v1/admin/organizations/{organization}/verify", {"reason": None}, token=admin_token, expect=204)
        every_day = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        resource = self.call("POST", "/api/v1/resources", {
            "organizationId": organization, "category": "space", "title": f"스모크 회의실 {self.run}",
            "description": "배포 점검용 회의실입니다.", "municipality": "jeonju", "address": "전북특별자치도 전주시 완산구 풍남문로 1, 2층",
            "capacity": 10, "feePerHour": None, "feeNote": "무료",
            "policy": {"approvalMode": "automatic", "slotMinutes": 30, "minMinutes": 60, "maxMinutes": 240, "minNoticeMinutes": 60,
                       "horizonDays": 365, "bufferMinutes": 0, "requiresCheckIn": False, "maxActivePerPerson": 100,
                       "openingHours": [{"dayOfWeek": d, "opens": opens, "closes": closes} for d in every_day],
                       "closedDates": []}}, token=owner_token, expect=201)["id"]
        self.call("POST", f"/api/v1/resources/{resource}/submit", token=owner_token, expect=200)
        self.call("POST", f"/api/v1/admin/resources/{resource}/approve", {"reason": None}, token=admin_token, expect=204)
        return resource


def business_registration_number():
    digits = [random.randrange(10) for _ in range(9)]
    weights = [1, 3, 7, 1, 3, 7, 1, 3, 5]
    total = sum(w * d for w, d in zip(weights, digits)) + digits[8] * 5 // 10
    return "".join(map(str, digits)) + str((10 - total % 10) % 10)


def png(width=64, height=48):
    """A small valid PNG (a colour gradient), for an upload."""
    rows = b"".join(b"\x00" + bytes(v for x in range(width) for v in (x * 4 % 256, y * 5 % 256, 128)) for y in range(height))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
