#!/usr/bin/python3
"""mtsplit: a milter protocol relay that lets miltertest read large replies.

miltertest (OpenDKIM 2.11) reads every reply of the filter into a buffer of
about 1 KB on its stack: a longer reply, such as the body a filter sends
back with smfi_replacebody() in chunks of tens of kilobytes, overflows it
and miltertest crashes.  Postfix and sendmail take any chunk size.  This
relay sits between miltertest and the filter, passes every packet on
unchanged, except that a body-replacement packet ('b') longer than --chunk
bytes is split into several 'b' packets carrying the same bytes in the same
order (what the MTA makes of them is the same body).  Any other reply
longer than --chunk bytes is refused: the relay closes both connections
and logs it, so a test fails instead of miltertest crashing.

With --capture DIR, the replacement body of each message is also written
to DIR/body.N (N = 1, 2, ... in the order messages end), so that a test
can look at the bytes miltertest cannot show.

With --trace FILE, the relay decodes the protocol as it passes: one line
per packet, "TIME DIRECTION CMD LENGTH", TIME in seconds since the epoch
(milliseconds), DIRECTION "mta" (MTA to filter) or "filter" (filter to
MTA), CMD the command or reply character (E end of message, p progress,
c continue, b body chunk...) and LENGTH the packet's data bytes.  Any
MTA can stand on the other side, not only miltertest.

    mtsplit.py --upstream HOST:PORT|unix:PATH (--port-file F | --listen unix:PATH)
               [--chunk 1000] [--capture DIR] [--log FILE] [--trace FILE]

Standard library only.  Listens on 127.0.0.1 (port chosen by the system,
written to the port file), or on a unix socket (mode 0666, so that any
MTA user may connect); reaches the filter over TCP or a unix socket; runs
until killed.
"""
import argparse
import os
import socket
import struct
import sys
import threading
import time

MAX_PACKET = 64 * 1024 * 1024  # the milter protocol's packets are far smaller


def read_exact(sock, n):
    buf = bytearray()
    while len(buf) < n:
        part = sock.recv(n - len(buf))
        if not part:
            return None
        buf += part
    return bytes(buf)


def read_packet(sock):
    head = read_exact(sock, 4)
    if head is None:
        return None
    (n,) = struct.unpack(">I", head)
    if n < 1 or n > MAX_PACKET:
        raise ValueError("bad packet length %d" % n)
    data = read_exact(sock, n)
    if data is None:
        return None
    return data[:1], data[1:]


def packet(cmd, data):
    return struct.pack(">I", len(data) + 1) + cmd + data


class Relay:
    def __init__(self, args):
        self.args = args
        self.lock = threading.Lock()
        self.nbody = 0
        self.log = open(args.log, "a", buffering=1) if args.log else sys.stderr
        self.trace_f = open(args.trace, "a", buffering=1) if args.trace else None

    def trace(self, direction, cmd, data):
        if self.trace_f is None:
            return
        with self.lock:
            self.trace_f.write("%.3f %s %s %d\n" % (
                time.time(), direction, cmd.decode("latin-1"), len(data)))

    def say(self, text):
        with self.lock:
            self.log.write("mtsplit: %s\n" % text)

    def next_capture(self):
        with self.lock:
            self.nbody += 1
            return os.path.join(self.args.capture, "body.%d" % self.nbody)

    def to_filter(self, client, filt, state):
        """MTA -> filter: copied as is; an end of message closes the
        body being captured."""
        try:
            while True:
                p = read_packet(client)
                if p is None:
                    break
                cmd, data = p
                self.trace("mta", cmd, data)
                if cmd == b"E":
                    state["eom"] = True
                filt.sendall(packet(cmd, data))
        except (OSError, ValueError) as e:
            self.say("to filter: %s" % e)
        for s in (filt, client):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def to_mta(self, client, filt, state):
        """filter -> MTA: 'b' split into chunks; other long replies refused."""
        limit = self.args.chunk
        body = None
        try:
            while True:
                p = read_packet(filt)
                if p is None:
                    break
                cmd, data = p
                self.trace("filter", cmd, data)
                if cmd == b"b":
                    if self.args.capture and body is None:
                        body = open(self.next_capture(), "wb")
                    if body is not None:
                        body.write(data)
                    for i in range(0, max(len(data), 1), limit):
                        client.sendall(packet(cmd, data[i:i + limit]))
                    continue
                if len(data) + 1 > limit:
                    self.say("reply %r of %d bytes is longer than miltertest "
                             "can read; closing" % (cmd, len(data) + 1))
                    break
                if state.get("eom") and cmd in (b"c", b"a", b"r", b"t",
                                                 b"d", b"y"):
                    state["eom"] = False
                    if body is not None:
                        body.close()
                        body = None
                client.sendall(packet(cmd, data))
        except (OSError, ValueError) as e:
            self.say("to MTA: %s" % e)
        if body is not None:
            body.close()
        for s in (client, filt):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def serve(self, client):
        up = self.args.upstream
        try:
            if up.startswith("unix:"):
                filt = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                filt.settimeout(10)
                filt.connect(up[5:])
            else:
                host, port = up.rsplit(":", 1)
                filt = socket.create_connection((host, int(port)), timeout=10)
            filt.settimeout(None)
        except OSError as e:
            self.say("cannot reach the filter: %s" % e)
            client.close()
            return
        state = {}
        t = threading.Thread(target=self.to_filter, args=(client, filt, state),
                             daemon=True)
        t.start()
        self.to_mta(client, filt, state)
        t.join()
        client.close()
        filt.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--upstream", required=True)
    ap.add_argument("--port-file")
    ap.add_argument("--listen")
    ap.add_argument("--chunk", type=int, default=1000)
    ap.add_argument("--capture")
    ap.add_argument("--log")
    ap.add_argument("--trace")
    args = ap.parse_args()
    relay = Relay(args)
    if args.listen and args.listen.startswith("unix:"):
        path = args.listen[5:]
        if os.path.exists(path):
            os.unlink(path)
        ls = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        ls.bind(path)
        os.chmod(path, 0o666)
        ls.listen(64)
    elif args.port_file:
        ls = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        ls.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        ls.bind(("127.0.0.1", 0))
        ls.listen(64)
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write("%d\n" % ls.getsockname()[1])
        os.rename(tmp, args.port_file)
    else:
        ap.error("--port-file or --listen unix:PATH")
    while True:
        c, _ = ls.accept()
        threading.Thread(target=relay.serve, args=(c,), daemon=True).start()


if __name__ == "__main__":
    main()
