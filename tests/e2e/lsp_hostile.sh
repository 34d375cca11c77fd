#!/usr/bin/env bash
# Hostile traffic for the language server (tests/e2e/lsp_hostile.py).
exec python3 "$2/tests/e2e/lsp_hostile.py" "$1" "$2"
