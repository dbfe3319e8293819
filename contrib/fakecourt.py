#!/usr/bin/python3
"""fakecourt: a small HTTPS server that plays CM/ECF courts on loopback.

Used by the fetch tests, the end-to-end tests and the demo.  Standard
library only.  One port serves every court host name: the answer is chosen
by the Host header, the path and the query, from a scenario file (JSON):

    {"routes": [
      {"host": "ecf.cand.uscourts.gov",          # exact, no port
       "path": "/doc1/035112812318",             # exact path
       "query_has": ["magic_num=111"],           # optional substrings
       "query_lacks": ["use_magic=1"],           # optional: none of these
       "responses": [ACTION, ACTION, ...]}       # 1st request gets the 1st,
    ]}                                           # ...; the last one repeats

An ACTION is an object; these keys combine:
    "pdf": SEED, "size": N     a deterministic PDF of N bytes (default 4096)
                               made from SEED: one page that says SEED, and
                               filler in a comment; --pdf-sha256 SEED N
                               prints its SHA-256
    "file": NAME               a file's bytes (relative to the scenario
                               file), as application/pdf unless
                               "content_type" says otherwise
    "html": TEXT               an HTML page (text/html)
    "html_file": NAME          an HTML page read from a file (relative to
                               the scenario file)
    "body": TEXT               any body; "content_type" sets its type
    "menu": {"caseid": C, "seq": S, "magic": M, "docnum": N,
             "docs": [[PATH, DESCRIPTION], ...]}
                               a free-look attachment menu in CM/ECF's
                               format (goDLS rows; the first doc is the main
                               document); a proof of claim's menu also has
                               "claim_id", "claim_num" and "claim_doc_seq"
                               (goDLS arguments 9 to 11 of every row)
    "status": CODE             HTTP status (default 200)
    "location": URL            a Location header
    "set_cookie": "k=v"        a Set-Cookie header
    "content_type": TYPE       overrides the Content-Type
    "delay": SECONDS           wait before answering
    "reset": true              close the connection with a TCP reset
    "big": BYTES               a body of BYTES generated on the fly (starts
                               "%PDF-"), streamed chunked, never stored
    "stall": SECONDS           send the headers and the first bytes of the
                               body, then wait before the rest

Unmatched requests get a 404 page.  Every request is logged, on arrival,
as one JSON line in the --log file: time, method, host, path (with the
query), headers (all of them), cookie and authorization (booleans), body
length, route (index or null).

    fakecourt.py --scenario S.json --cert C.pem --key K.pem \
        --port-file P --pid-file F --log L.jsonl [--port 0]
"""
import argparse
import hashlib
import html
import json
import os
import socket
import ssl
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def pdf_bytes(seed, size):
    """Deterministic PDF bytes: the same seed and size, the same bytes.

    A real one-page PDF that shows "Document SEED", with filler (hex from
    a SHA-256 chain of the seed) in a comment before its first object, so
    that it is exactly size bytes.  Below the size such a PDF needs, the
    bytes are only PDF-looking."""
    block = hashlib.sha256(seed.encode()).digest()
    text = "Document " + "".join(c for c in seed if c.isalnum() or c in "-_.")
    content = ("BT /F1 12 Tf 72 720 Td (%s) Tj ET" % text).encode()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(content) + content +
            b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]

    def build(pad):
        head = b"%PDF-1.4\n%fakecourt " + seed.encode() + b"\n" + pad
        out = bytearray(head)
        offs = []
        for i, o in enumerate(objs):
            offs.append(len(out))
            out += b"%d 0 obj\n" % (i + 1) + o + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 6\n0000000000 65535 f \n"
        for o in offs:
            out += b"%010d 00000 n \n" % o
        out += b"trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
        return bytes(out)

    bare = build(b"")
    if size < len(bare) + 2:
        head = b"%PDF-1.4\n%fakecourt " + seed.encode() + b"\n"
        out = bytearray(head)
        i = 0
        while len(out) < size:
            block = hashlib.sha256(block + struct.pack(">I", i)).digest()
            out += block.hex().encode()
            i += 1
        return bytes(out[:size])
    need = size - len(bare)    # the filler: "%" + hex ... + "\n" lines
    pad = bytearray()
    i = 0
    while len(pad) < need:
        block = hashlib.sha256(block + struct.pack(">I", i)).digest()
        line = b"%" + block.hex().encode() + b"\n"
        pad += line
        i += 1
    pad = pad[:need]
    pad[-1:] = b"\n"
    out = build(bytes(pad))
    # the startxref digits may have grown by one: trim the filler
    while len(out) > size:
        pad = pad[:-2] + b"\n"
        out = build(bytes(pad))
    return out


def menu_html(m):
    rows = []
    claim = ",''"
    if "claim_id" in m:
        claim = ",'{}','{}','{}'".format(m["claim_id"], m.get("claim_num", ""),
                                         m.get("claim_doc_seq", ""))
    for i, (path, desc) in enumerate(m["docs"]):
        num = m.get("docnum", 1) if i == 0 else i
        rows.append(
            '<tr><td><a href="https://{host}{p}" onClick="goDLS(\'{p}\',\'{c}\','
            "'{s}','','','','{mg}',''{cl});return(false);\">{n}</a></td>"
            "<td>{d}</td><td>{pg} pages</td><td>{kb} KB</td></tr>".format(
                host=m.get("host", ""), p=path, c=m.get("caseid", ""),
                s=m.get("seq", ""), mg=m.get("magic", ""), cl=claim, n=num,
                d=html.escape(desc), pg=i + 1, kb=10 * (i + 1)))
    return (
        "<html><head><title>CM/ECF</title><script>if (top!=self) "
        "{top.location.replace(location.href);}</script></head><body>"
        "<p><b>Document Selection Menu</b></p><p align=center><big>Multiple "
        "Documents</big></p><p>To view the main document and its attachments "
        "without incurring a PACER fee, click on the hyperlinks displayed on "
        "this menu.</p><table>" + "\n".join(rows) + "</table></body></html>")


class Court:
    def __init__(self, scenario_path, log_path):
        with open(scenario_path) as f:
            self.scenario = json.load(f)
        self.base = os.path.dirname(os.path.abspath(scenario_path))
        self.routes = self.scenario.get("routes", [])
        self.counts = [0] * len(self.routes)
        self.lock = threading.Lock()
        self.log = open(log_path, "a", buffering=1)

    def match(self, host, path, query):
        for i, r in enumerate(self.routes):
            if r.get("host", host) != host or r.get("path") != path:
                continue
            if not all(q in query for q in r.get("query_has", [])):
                continue
            if any(q in query for q in r.get("query_lacks", [])):
                continue
            with self.lock:
                n = self.counts[i]
                self.counts[i] += 1
            resp = r.get("responses") or [{}]
            return i, resp[min(n, len(resp) - 1)]
        return None, None

    def record(self, entry):
        with self.lock:
            self.log.write(json.dumps(entry) + "\n")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    court = None

    def log_message(self, fmt, *args):
        pass

    def handle_one(self):
        host = (self.headers.get("Host") or "").split(":")[0].lower()
        path, _, query = self.path.partition("?")
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        route, act = self.court.match(host, path, query)
        self.court.record({
            "time": time.time(), "method": self.command, "host": host,
            "path": self.path, "headers": dict(self.headers.items()),
            "cookie": "Cookie" in self.headers,
            "authorization": "Authorization" in self.headers,
            "body_len": len(body), "route": route})
        if act is None:
            return self.send_body(404, "text/html", b"<html><body>Not Found</body></html>", {})
        if act.get("delay"):
            time.sleep(float(act["delay"]))
        if act.get("reset"):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                       struct.pack("ii", 1, 0))
            self.close_connection = True
            raise ConnectionResetError("reset on purpose")
        headers = {}
        if act.get("location"):
            headers["Location"] = act["location"]
        if act.get("set_cookie"):
            headers["Set-Cookie"] = act["set_cookie"]
        status = int(act.get("status", 200))
        if "big" in act:
            return self.send_big(status, int(act["big"]), headers)
        ctype, data = "text/html", b""
        if "pdf" in act:
            ctype, data = "application/pdf", pdf_bytes(act["pdf"], int(act.get("size", 4096)))
        elif "html" in act:
            data = act["html"].encode()
        elif "file" in act:
            ctype = "application/pdf"
            with open(os.path.join(self.court.base, act["file"]), "rb") as f:
                data = f.read()
        elif "html_file" in act:
            with open(os.path.join(self.court.base, act["html_file"]), "rb") as f:
                data = f.read()
        elif "menu" in act:
            m = dict(act["menu"])
            m.setdefault("host", host)
            data = menu_html(m).encode()
        elif "body" in act:
            data = act["body"].encode()
        ctype = act.get("content_type", ctype)
        stall = float(act.get("stall", 0))
        self.send_body(status, ctype, data, headers, stall)

    def send_body(self, status, ctype, data, headers, stall=0):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        if stall:
            self.wfile.write(data[:16])
            self.wfile.flush()
            time.sleep(stall)
            data = data[16:]
        self.wfile.write(data)

    def send_big(self, status, size, headers):
        self.send_response(status)
        self.send_header("Content-Type", "application/pdf")
        self.send_header("Transfer-Encoding", "chunked")
        for k, v in headers.items():
            self.send_header(k, v)
        self.end_headers()
        chunk = b"%PDF-1.4\n" + b"0" * (65536 - 9)
        sent = 0
        while sent < size:
            part = chunk[: min(len(chunk), size - sent)]
            self.wfile.write(b"%x\r\n" % len(part) + part + b"\r\n")
            sent += len(part)
            chunk = b"1" * 65536
        self.wfile.write(b"0\r\n\r\n")

    def do_GET(self):
        try:
            self.handle_one()
        except (ConnectionError, BrokenPipeError, ssl.SSLError, OSError):
            self.close_connection = True

    do_POST = do_GET
    do_HEAD = do_GET
    do_PUT = do_GET


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scenario")
    ap.add_argument("--cert")
    ap.add_argument("--key")
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file")
    ap.add_argument("--pid-file")
    ap.add_argument("--log")
    ap.add_argument("--pdf-sha256", nargs=2, metavar=("SEED", "SIZE"),
                    help="print the SHA-256 of a scenario PDF and exit")
    a = ap.parse_args()
    if a.pdf_sha256:
        print(hashlib.sha256(pdf_bytes(a.pdf_sha256[0], int(a.pdf_sha256[1]))).hexdigest())
        return 0
    Handler.court = Court(a.scenario, a.log)
    srv = Server(("127.0.0.1", a.port), Handler)
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.load_cert_chain(a.cert, a.key)
    srv.socket = ctx.wrap_socket(srv.socket, server_side=True,
                                 do_handshake_on_connect=False)
    for path, value in ((a.port_file, srv.server_address[1]), (a.pid_file, os.getpid())):
        if path:
            with open(path + ".tmp", "w") as f:
                f.write("%d\n" % value)
            os.rename(path + ".tmp", path)
    try:
        srv.serve_forever(poll_interval=0.2)
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main())
