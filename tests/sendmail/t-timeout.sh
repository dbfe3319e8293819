#!/usr/bin/env bash
# tests/faults/t-timeout.sh through Sendmail with its default timeouts (no
# T= in INPUT_MAIL_FILTER: R, the wait for each reply, is 10 s): a court
# that takes 15 s for one document still ends in a delivered notice with
# its PDFs, carried by progress replies; a court that never answers ends
# at fetch_budget with what was fetched.
MTA=sendmail exec bash "$(dirname "$0")/../faults/t-timeout.sh"
