#!/usr/bin/env bash
# tests/e2e/t-local-trust.sh through Sendmail: its command line bypasses
# the milters, SMTP from 127.0.0.1 (what its submission program does) is
# local mail and never verified, a trusted client elsewhere is, and
# trust_local_mail = yes trusts local mail.
MTA=sendmail exec bash "$(dirname "$0")/../e2e/t-local-trust.sh"
