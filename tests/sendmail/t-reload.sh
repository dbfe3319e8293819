#!/usr/bin/env bash
# tests/faults/t-reload.sh through Sendmail: six reloads (and a broken
# file) under load from two clients; every message delivered once.
MTA=sendmail exec bash "$(dirname "$0")/../faults/t-reload.sh"
