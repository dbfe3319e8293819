#!/usr/bin/env bash
# tests/faults/t-mta-drop.sh through Sendmail: Sendmail restarted while
# nefmilter waits for a slow court; the documents are kept, and the
# client's retry is served from the store and delivered once.
MTA=sendmail exec bash "$(dirname "$0")/../faults/t-mta-drop.sh"
