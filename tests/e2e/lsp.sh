#!/usr/bin/env bash
# The language server driven by a test client over pipes (tests/e2e/lsp_test.py).
exec python3 "$2/tests/e2e/lsp_test.py" "$1" "$2"
