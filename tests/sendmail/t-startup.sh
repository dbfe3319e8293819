#!/usr/bin/env bash
# tests/e2e/t-startup.sh beside Sendmail: start-up failures are visible,
# -n finds them, and a good start serves Sendmail at once.
MTA=sendmail exec bash "$(dirname "$0")/../e2e/t-startup.sh"
