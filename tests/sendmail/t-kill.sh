#!/usr/bin/env bash
# tests/faults/t-kill.sh through Sendmail (F=T): nefmilter killed with
# SIGKILL in the middle of a message; Sendmail answers 451 4.3.2 and
# queues nothing; the retry reaches the recipient once, served from the
# store.  The process stopped in part A is Sendmail's child for the SMTP
# session, which reads the milter's replies (Postfix: cleanup).
MTA=sendmail exec bash "$(dirname "$0")/../faults/t-kill.sh"
