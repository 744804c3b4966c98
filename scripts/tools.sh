#!/usr/bin/env bash
# Installs the tools `just test` needs when they are missing, and says exactly what it does.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! cargo nextest --version >/dev/null 2>&1; then
    echo "installing cargo-nextest (cargo install, ~3 min)"
    cargo install cargo-nextest --locked
fi

venv=target/tools/venv
if [ ! -x "$venv/bin/schemathesis" ]; then
    echo "installing schemathesis into $venv (pip)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==4.32.5"
fi

if [ ! -x /usr/bin/chromium ]; then
    echo "installing Debian's chromium for the browser test (apt)"
    # Waits for the dpkg lock: web/build.sh may be installing the wasm toolchain at the same moment.
    as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium >/dev/null
fi

if [ ! -d tests/browser/node_modules/playwright-core ]; then
    echo "installing playwright-core for the browser test (npm)"
    (cd tests/browser && npm install --silent --no-audit --no-fund)
fi

if [ ! -d tests/clients/typescript/node_modules/openapi-fetch ]; then
    echo "installing the TypeScript client's generator and compiler (npm)"
    (cd tests/clients/typescript && npm install --silent --no-audit --no-fund)
fi
