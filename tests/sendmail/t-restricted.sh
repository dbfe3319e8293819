#!/usr/bin/env bash
# tests/e2e/t-restricted.sh through Sendmail: the case team added to a
# normal entry, an unlisted recipient removed from a restricted one.
# Sendmail hands the milter its envelope recipients in angle brackets, and
# takes smfi_delrcpt() of the exact "<addr>" string back.
MTA=sendmail exec bash "$(dirname "$0")/../e2e/t-restricted.sh"
