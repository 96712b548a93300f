#!/usr/bin/env python3
"""A minimal SMTP sink for bench/run.sh reminders and scripts/deploy-local.sh: accepts every message and throws it
away, or keeps each in MAIL_DIR as N.eml when that is given.

    smtp-sink.py PORT_FILE COUNT_FILE [MAIL_DIR]

Listens on 127.0.0.1 (a free port, written to PORT_FILE), speaks just enough ESMTP for MailKit without TLS or
authentication (EHLO with 8BITMIME and PIPELINING, MAIL, RCPT, DATA, RSET, NOOP, QUIT), and on SIGTERM writes the
number of messages it accepted to COUNT_FILE. One connection per message, as the app's SmtpMailTransport does.
"""
import asyncio
import signal
import sys

port_file, count_file = sys.argv[1], sys.argv[2]
mail_dir = sys.argv[3] if len(sys.argv) > 3 else None
accepted = 0


async def session(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    global accepted
    try:
        writer.write(b"220 bench-sink ESMTP\r\n")
        while True:
            line = await reader.readline()
            if not line:
                break
            verb = line[:4].upper()
            if verb in (b"EHLO", b"HELO"):
                writer.write(b"250-bench-sink\r\n250-8BITMIME\r\n250 PIPELINING\r\n")
            elif verb == b"DATA":
                writer.write(b"354 go ahead\r\n")
                await writer.drain()
                message = []
                while True:
                    data = await reader.readline()
                    if not data or data in (b".\r\n", b".\n"):
                        break
                    if mail_dir:
                        message.append(data[1:] if data.startswith(b"..") else data)
                if not data:
                    break
                accepted += 1
                if mail_dir:
                    with open(f"{mail_dir}/{accepted}.eml", "wb") as f:
                        f.write(b"".join(message))
                writer.write(b"250 2.0.0 queued\r\n")
            elif verb == b"QUIT":
                writer.write(b"221 bye\r\n")
                await writer.drain()
                break
            else:  # MAIL, RCPT, RSET, NOOP
                writer.write(b"250 ok\r\n")
            await writer.drain()
    except (ConnectionError, asyncio.IncompleteReadError):
        pass
    finally:
        writer.close()


async def main() -> None:
    server = await asyncio.start_server(session, "127.0.0.1", 0, backlog=256)
    with open(port_file, "w") as f:
        f.write(str(server.sockets[0].getsockname()[1]))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGTERM, signal.SIGINT):
        loop.add_signal_handler(sig, stop.set)
    async with server:
        await stop.wait()
    with open(count_file, "w") as f:
        f.write(str(accepted))


asyncio.run(main())
