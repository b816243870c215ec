#!/usr/bin/env bash
# Prints a Python ≥ 3.12 to build the virtualenv with. pyenv's shim honours .python-version;
# a plain Debian machine may only have python3.12 or python3.13 on PATH.
for candidate in python3 python3.13 python3.12; do
    if command -v "$candidate" >/dev/null 2>&1 &&
        "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null; then
        echo "$candidate"
        exit 0
    fi
done
echo "gongkai needs Python 3.12 or newer (found: $(python3 --version 2>&1))" >&2
exit 1
