#!/usr/bin/env bash
# tests/e2e/t-restart.sh through Sendmail (F=T: it tempfails while
# nefmilter is down): quick stop-and-starts under traffic end with one
# daemon and one socket, every notice delivered once.
MTA=sendmail exec bash "$(dirname "$0")/../e2e/t-restart.sh"
