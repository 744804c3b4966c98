#!/usr/bin/env bash
# Starts the real server with demo data on a free port over a fresh SQLite file, then runs the browser
# tests (headless Chromium), the TypeScript client generated from the spec (the mini-program journey)
# and schemathesis (every operation, all phases, fixed seed) against it.
# `scripts/test-live.sh schemathesis` (or `browser`, or `client`) runs only that part.
set -euo pipefail
parts="${*:-browser client schemathesis}"
cd "$(dirname "$0")/.."

# The same features as the test build, so nothing compiles twice (see `just build-tests`).
cargo build -q --workspace --all-targets
work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
base="http://127.0.0.1:$port"

export APP_DATABASE__URL="sqlite://$work/live.db"
export APP_SERVER__PORT="$port"
# schemathesis runs for minutes with one token and fuzzes the login endpoint with many usernames.
export APP_AUTH__ACCESS_TTL_SECS=7200
export APP_CLIENTS__TOKEN_TTL_SECS=7200
export APP_AUTH__LOGIN_ATTEMPTS_PER_MINUTE=1000
export APP_SMS__PER_CLIENT_PER_HOUR=100000
# The hooks read one-time codes from the development sender's outbox in this file.
export HAPPYHOME_DB="$work/live.db"
"${CARGO_TARGET_DIR:-target}/debug/happyhome" serve --migrate --demo >"$work/server.log" 2>&1 &
server=$!
cleanup() {
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

for _ in $(seq 1 120); do
    curl -fsS "$base/readyz" >/dev/null 2>&1 && break
    if ! kill -0 "$server" 2>/dev/null; then cat "$work/server.log"; echo "server exited"; exit 1; fi
    sleep 0.5
done
curl -fsS "$base/readyz" >/dev/null || { cat "$work/server.log"; echo "server never became ready"; exit 1; }

if [[ " $parts " == *" browser "* ]]; then
echo "== browser test (headless Chromium) against $base"
(cd tests/browser && BASE_URL="$base" node login.mjs)
(cd tests/browser && BASE_URL="$base" node bundles.mjs)
(cd tests/browser && BASE_URL="$base" node shell.mjs)
(cd tests/browser && BASE_URL="$base" node needs.mjs)
(cd tests/browser && BASE_URL="$base" node programs.mjs)
(cd tests/browser && BASE_URL="$base" node resources.mjs)
(cd tests/browser && BASE_URL="$base" node unsaved.mjs)
(cd tests/browser && BASE_URL="$base" node matching.mjs)
(cd tests/browser && BASE_URL="$base" node kpis.mjs)
(cd tests/browser && BASE_URL="$base" node admin.mjs)
(cd tests/browser && BASE_URL="$base" node tables.mjs)
(cd tests/browser && BASE_URL="$base" node residents.mjs)
(cd tests/browser && BASE_URL="$base" node workbench.mjs)
(cd tests/browser && BASE_URL="$base" node consultation.mjs)
(cd tests/browser && BASE_URL="$base" node surveys.mjs)
(cd tests/browser && BASE_URL="$base" node ledger_shop.mjs)
(cd tests/browser && BASE_URL="$base" node resident_participation.mjs)
(cd tests/browser && BASE_URL="$base" node phones.mjs)
(cd tests/browser && BASE_URL="$base" node languages.mjs)
fi
if [[ " $parts " == *" client "* ]]; then
echo "== the TypeScript client generated from openapi/openapi.json runs the mini-program journey"
(cd tests/clients/typescript && npm run -s generate && npm run -s build && BASE_URL="$base" npm run -s journey)
fi
[[ " $parts " == *" schemathesis "* ]] || exit 0

echo "== schemathesis against $base"
sign_in() {
    curl -fsS -X POST "$base/api/v1/auth/login" -H 'content-type: application/json' \
        -d "{\"username\":\"$1\",\"password\":\"happyhome-demo\"}" | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])'
}
# The run goes as the platform admin (schemathesis.toml reads the token), some operations as others.
HAPPYHOME_ADMIN_TOKEN=$(sign_in admin)
# schemathesis.toml sends the resident's own operations (co-signing) with this one.
HAPPYHOME_RESIDENT_TOKEN=$(sign_in resident)
# Residence checks are community work: verifying and refusing go as the demo community worker.
HAPPYHOME_COMMUNITY_TOKEN=$(sign_in community)
# Deleting one's account goes as a resident signed up for it (code read from the outbox).
HAPPYHOME_LEAVING_TOKEN=$(PYTHONPATH=scripts target/tools/venv/bin/python -m schemathesis_hooks "$base")
# A mini-program backend's residents (bindings) go as the demo client (api/src/demo/clients.rs).
HAPPYHOME_CLIENT_TOKEN=$(curl -fsS -X POST "$base/api/v1/oauth/token" \
    --data-urlencode grant_type=client_credentials --data-urlencode client_id=hhc_demo_binjiang \
    --data-urlencode client_secret=happyhome-demo-client-secret --data-urlencode scope=residents:write \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["access_token"])')
export HAPPYHOME_ADMIN_TOKEN HAPPYHOME_RESIDENT_TOKEN HAPPYHOME_COMMUNITY_TOKEN HAPPYHOME_LEAVING_TOKEN HAPPYHOME_CLIENT_TOKEN
mkdir -p target/schemathesis
# Every operation must answer 2xx at least once: the hooks log each one's first success.
reached_log="$work/reached-2xx.log"
export HAPPYHOME_REACHED_LOG="$reached_log"
PYTHONPATH=scripts SCHEMATHESIS_HOOKS=schemathesis_hooks target/tools/venv/bin/schemathesis --config-file schemathesis.toml run "$base/api/openapi.json" \
    --phases examples,coverage,fuzzing,stateful --checks all \
    --seed 42 --max-examples 50 \
    --report junit --report-dir target/schemathesis
# An operation that never answered 2xx was only ever refused: its work was not tested. That fails.
python3 scripts/reached_2xx.py --strict openapi/openapi.json "$reached_log"
