#!/usr/bin/env bash
# tests/e2e/t-purge.sh through Sendmail: a clawback names the messages
# that carried the document by Sendmail's queue ids, and later copies
# come without it.
MTA=sendmail exec bash "$(dirname "$0")/../e2e/t-purge.sh"
