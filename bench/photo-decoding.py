#!/usr/bin/env python3
"""Decompression-bomb photos against a running app: how much memory and time do they cost it?

Crafts small PNGs (zeros, compressed to tens of KB) that declare a large picture, signs in as the demo lab manager
(Development demo data), posts N of them at once as lab photos and reports each answer, the wall time and the app
process's peak RSS increase, sampled from /proc/PID/status (VmRSS every 20 ms, and VmHWM before and after).

    python3 bench/photo-decoding.py --url http://127.0.0.1:5000 [--pid PID] [--count 8] [--width 6000 --height 6000]

Standard library only. Sends traffic to the given (loopback) address only; bounded: one batch of --count requests.
"""
import argparse
import json
import os
import struct
import threading
import time
import urllib.error
import urllib.request
import uuid
import zlib

DEMO_MANAGER = ("manager@demo.sharing.example", "demo-password-2026")


def declared_png(width: int, height: int) -> bytes:
    """A real 8-bit grey PNG of zeros: decodable, tiny on the wire, width*height*4 bytes once decoded to RGBA."""
    compressor = zlib.compressobj(9)
    row = bytes(width + 1)
    idat = b"".join(compressor.compress(row) for _ in range(height)) + compressor.flush()

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def request(url: str, method: str = "GET", body: bytes | None = None, headers: dict | None = None, timeout: float = 120):
    req = urllib.request.Request(url, data=body, method=method, headers=headers or {})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def find_pid() -> int:
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmdline = f.read().replace(b"\0", b" ")
        except OSError:
            continue
        if b"SharingPlatform.Web" in cmdline and b"dotnet run" not in cmdline and b"run --project" not in cmdline:
            return int(entry)
    raise SystemExit("no SharingPlatform.Web process found: pass --pid")


def status_kb(pid: int, field: str) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:5000")
    parser.add_argument("--pid", type=int)
    parser.add_argument("--count", type=int, default=8)
    parser.add_argument("--width", type=int, default=6000)
    parser.add_argument("--height", type=int, default=6000)
    args = parser.parse_args()
    if args.count < 1 or args.count > 64:
        raise SystemExit("--count is between 1 and 64")
    pid = args.pid or find_pid()

    status, _, body = request(f"{args.url}/api/v1/auth/login", "POST",
                              json.dumps({"email": DEMO_MANAGER[0], "password": DEMO_MANAGER[1]}).encode(),
                              {"Content-Type": "application/json"})
    if status != 200:
        raise SystemExit(f"sign-in as the demo manager failed ({status}): is the app in Development with demo data?")
    auth = {"Authorization": "Bearer " + json.loads(body)["accessToken"]}
    status, _, body = request(f"{args.url}/api/v1/labs/mine", headers=auth)
    labs = json.loads(body)
    lab_id = (labs["items"] if isinstance(labs, dict) else labs)[0]["id"]

    png = declared_png(args.width, args.height)
    boundary = uuid.uuid4().hex
    form = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"bomb.png\"\r\n"
            f"Content-Type: image/png\r\n\r\n").encode() + png + f"\r\n--{boundary}--\r\n".encode()
    headers = dict(auth, **{"Content-Type": f"multipart/form-data; boundary={boundary}"})

    baseline_rss = status_kb(pid, "VmRSS")
    hwm_before = status_kb(pid, "VmHWM")
    peak_rss = baseline_rss
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_rss
        while not stop.is_set():
            try:
                peak_rss = max(peak_rss, status_kb(pid, "VmRSS"))
            except OSError:
                return
            time.sleep(0.02)

    answers: list = [None] * args.count

    def post(i: int) -> None:
        started = time.monotonic()
        code, response_headers, response_body = request(f"{args.url}/api/v1/labs/{lab_id}/photos", "POST", form, headers)
        answers[i] = (code, time.monotonic() - started, response_headers.get("Retry-After"), response_body[:160])

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.monotonic()
    threads = [threading.Thread(target=post, args=(i,)) for i in range(args.count)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    wall = time.monotonic() - started
    time.sleep(0.2)
    stop.set()
    sampler.join()
    hwm_after = status_kb(pid, "VmHWM")

    print(f"photo: {args.width}x{args.height} grey PNG, {len(png):,} bytes on the wire, "
          f"{args.width * args.height * 4 / 2**20:,.0f} MiB as RGBA")
    print(f"posted {args.count} at once to /api/v1/labs/{lab_id}/photos (app pid {pid})")
    for i, (code, seconds, retry_after, snippet) in enumerate(answers):
        extra = f" Retry-After={retry_after}" if retry_after else ""
        print(f"  #{i + 1}: {code} in {seconds:.2f} s{extra}  {snippet.decode('utf-8', 'replace')[:100]}")
    print(f"wall time: {wall:.2f} s")
    print(f"RSS: {baseline_rss / 1024:,.0f} MiB before, peak sampled {peak_rss / 1024:,.0f} MiB "
          f"(+{(peak_rss - baseline_rss) / 1024:,.0f} MiB)")
    print(f"VmHWM: {hwm_before / 1024:,.0f} MiB before, {hwm_after / 1024:,.0f} MiB after "
          f"(+{(hwm_after - hwm_before) / 1024:,.0f} MiB)")


if __name__ == "__main__":
    main()
