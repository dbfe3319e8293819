#!/usr/bin/python3
"""sendmail-smtp: a sendmail(1) command line that submits over SMTP.

    sendmail-smtp.py HOST:PORT [-oi] [-f FROM] [-t] [--] RCPT...

For tests that give nefmilter a private Postfix: Postfix's own
sendmail(1) refuses "-C DIR" for a caller other than root unless the
default main.cf lists DIR in alternate_config_directories, and a test
may not write /etc/postfix.  This stands in the way msmtp or dma do on a
host whose MTA is elsewhere: it reads the message from standard input,
takes the options sendmail(1) takes (-f sender, -t recipients from the
header, -oi and -i ignored, "--" ends the options) and hands the message
to the MTA's SMTP listener.  Exit status 0 when the MTA accepted it, 75
(EX_TEMPFAIL) when it did not.  Standard library only.
"""
import email
import email.utils
import smtplib
import sys


def main(argv):
    host, _, port = argv[1].rpartition(":")
    sender, rcpts, from_header, i = "", [], False, 2
    while i < len(argv):
        a = argv[i]
        if a == "--":
            rcpts += argv[i + 1:]
            break
        if a == "-f" and i + 1 < len(argv):
            sender = argv[i + 1]
            i += 2
            continue
        if a.startswith("-f") and len(a) > 2:
            sender = a[2:]
        elif a == "-t":
            from_header = True
        elif not a.startswith("-"):
            rcpts.append(a)
        i += 1
    data = sys.stdin.buffer.read()
    if from_header:
        msg = email.message_from_bytes(data)
        rcpts += [addr for _, addr in email.utils.getaddresses(
            msg.get_all("To", []) + msg.get_all("Cc", []))]
    try:
        with smtplib.SMTP(host, int(port), timeout=30) as s:
            s.sendmail(sender, rcpts, data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    except (smtplib.SMTPException, OSError) as e:
        sys.stderr.write("sendmail-smtp: %s\n" % e)
        return 75
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
