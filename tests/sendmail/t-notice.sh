#!/usr/bin/env bash
# tests/e2e/t-notice.sh through Sendmail: a public notice with its
# attachments, a sealed link stripped, messages that are not notices.
# Same Maildir bytes and log lines, under Sendmail's queue ids.
MTA=sendmail exec bash "$(dirname "$0")/../e2e/t-notice.sh"
