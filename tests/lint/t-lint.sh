#!/usr/bin/env bash
# The lint rules run as part of the suite.
exec bash "$(dirname "$0")/../../mk/lint.sh"
