#!/usr/bin/python3
"""mimecheck: describe a delivered message so that shell tests can assert
on it.  Standard library only.

    mimecheck.py FILE            one line per MIME leaf part:
        PART <index> <content-type> filename=<name or -> sha256=<of the
        decoded payload> size=<decoded bytes>
    then the header lines "HDR <name>: <value>" (unfolded) for X-NEF,
    Content-Type and MIME-Version, and "TEXT <index>: <line>" for every
    line of every decoded text part.
    mimecheck.py --text FILE     only the decoded text of the text parts
"""
import email
import email.policy
import hashlib
import sys


def main():
    args = sys.argv[1:]
    text_only = False
    if args and args[0] == "--text":
        text_only = True
        args = args[1:]
    with open(args[0], "rb") as f:
        msg = email.message_from_binary_file(f, policy=email.policy.default)
    if not text_only:
        for name in ("X-NEF", "Content-Type", "MIME-Version"):
            for v in msg.get_all(name) or []:
                print("HDR %s: %s" % (name, " ".join(str(v).split())))
    for i, part in enumerate(msg.walk()):
        if part.is_multipart():
            if not text_only:
                print("MULTI %d %s" % (i, part.get_content_type()))
            continue
        ctype = part.get_content_type()
        payload = part.get_payload(decode=True) or b""
        if not text_only:
            print("PART %d %s filename=%s sha256=%s size=%d" % (
                i, ctype, part.get_filename() or "-",
                hashlib.sha256(payload).hexdigest(), len(payload)))
        if ctype.startswith("text/"):
            charset = part.get_content_charset() or "utf-8"
            try:
                text = payload.decode(charset, "replace")
            except LookupError:
                text = payload.decode("utf-8", "replace")
            for line in text.splitlines():
                print(("TEXT %d: %s" % (i, line)) if not text_only else line)


if __name__ == "__main__":
    main()
