#!/usr/bin/env bash
# tests/e2e/t-hold.sh through Sendmail: held notices wait in Sendmail's
# quarantine (hf files, "mailq -qQ"), keep the milter's whole reason, and
# are released with "sendmail -qQ -Q -qIQID".
MTA=sendmail exec bash "$(dirname "$0")/../e2e/t-hold.sh"
