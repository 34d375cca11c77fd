#!/usr/bin/env bash
# The privacy boundary as a generated property test: personnummer planted in
# every place and YAML encoding never appear in any output of any command
# (tests/e2e/lib/privacy_property.py says how the cases are made).
set -euo pipefail
exec python3 "$2/tests/e2e/lib/privacy_property.py" "$1" "$2" "${PRIVACY_SEED:-20261015}"
