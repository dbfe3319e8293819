#!/usr/bin/env bash
# tests/e2e/t-socket-trouble.sh through Sendmail (RunAsUser mail:mail):
# nefmilter warns at start-up that group mail cannot write its socket,
# and Sendmail, which checks milter sockets as it starts, refuses it and
# does not start.
MTA=sendmail exec bash "$(dirname "$0")/../e2e/t-socket-trouble.sh"
