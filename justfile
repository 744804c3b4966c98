# 幸福家园 co-building platform — every task a developer or CI runs.
# `just run` and `just test` install what they need on a fresh Debian machine.

set shell := ["bash", "-euo", "pipefail", "-c"]

port := env_var_or_default("APP_SERVER__PORT", "8080")
pg_url := "postgres://postgres@127.0.0.1:5432/postgres"

# List the recipes
default:
    @just --list

# The dashboard and the server compile at the same time: their cargo builds lock different profile
# folders, and on 2 cores each fills the other's single-threaded stretches (linking, the big crates).

# Build the dashboard, migrate the embedded SQLite database, load demo data (demo=false to skip), serve API + dashboard
run demo="true": docs-assets
    #!/usr/bin/env bash
    set -euo pipefail
    web/build.sh & web=$!
    cargo build -p api --bin happyhome
    wait "$web"
    exec "${CARGO_TARGET_DIR:-target}/debug/happyhome" serve --migrate {{ if demo == "true" { "--demo" } else { "" } }}

# The dashboard compiles in the background while the Rust suites build and run (its log is shown
# when it is needed); every part runs, and the recipe fails if any did.

# Run every test: unit + API on SQLite, API on PostgreSQL when reachable, spec drift, formatting and clippy, browser, schemathesis
test: tools docs-assets
    #!/usr/bin/env bash
    set -uo pipefail
    mkdir -p target
    web/build.sh >target/web-build.log 2>&1 & web=$!
    failed=()
    just test-rust || failed+=(test-rust)
    just test-postgres || failed+=(test-postgres)
    echo "== formatting and lints"
    just lint || failed+=(lint)
    echo "== waiting for the dashboard build (target/web-build.log)"
    if wait "$web"; then
        tail -n 12 target/web-build.log
        scripts/test-live.sh || failed+=(test-live)
    else
        cat target/web-build.log
        failed+=(web)
    fi
    if [ ${#failed[@]} -gt 0 ]; then echo "FAILED: ${failed[*]}"; exit 1; fi
    echo "every part passed"

# `cargo build -p api` alone unifies features differently and would compile the API a second time.

# Build every target once with the tests' features; the test runs and the live server reuse it
build-tests:
    cargo build --workspace --all-targets

# Unit tests (the dashboard's and the benchmarks' too, on the host) and the API suite on SQLite
test-rust: tools build-tests
    cargo nextest run --workspace --no-fail-fast

# The API suite on PostgreSQL, when one answers on 127.0.0.1:5432
test-postgres: tools build-tests
    #!/usr/bin/env bash
    set -euo pipefail
    if (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null; then
        echo "PostgreSQL answers on 127.0.0.1:5432: running the API suite on it"
        url="${TEST_DATABASE_URL:-{{pg_url}}}"
        # Each test makes its own database; drop those an earlier run left behind.
        if command -v psql >/dev/null; then
            psql "$url" -Atqc "select datname from pg_database where datname like 'test\_%'" | while read -r db; do
                psql "$url" -qc "drop database if exists \"$db\"" >/dev/null
            done
        fi
        TEST_DATABASE_URL="$url" cargo nextest run --workspace -E 'package(tests)' --no-fail-fast
    else
        echo "No PostgreSQL on 127.0.0.1:5432: skipping the PostgreSQL run (SQLite run still covers the suite)"
    fi

# Against a live server with demo data: the browser test and schemathesis
test-live: tools web docs-assets
    scripts/test-live.sh

# Only schemathesis against a live demo server (no dashboard build needed)
schemathesis: tools
    scripts/test-live.sh schemathesis

# Build the WASM dashboard into dist/web (installs the wasm toolchain on first use)
web:
    web/build.sh

# Production build: size-optimised dashboard + wasm-opt -Oz into dist/web, Swagger UI, release server binary
dist: docs-assets
    web/build.sh --release
    cargo build --release -p api --bin happyhome
    @echo "serve with: ${CARGO_TARGET_DIR:-target}/release/happyhome serve --migrate (APP_ENVIRONMENT=production)"

# Fetch the Swagger UI assets served offline at /docs (from the npm registry, once)
docs-assets:
    scripts/docs-assets.sh

# Regenerate the committed OpenAPI document from the code
openapi:
    cargo run -q -p api --bin happyhome -- openapi > openapi/openapi.json

# Install the test tools that are missing (cargo-nextest, schemathesis, chromium, playwright-core)
tools:
    scripts/tools.sh

# Formatting and lints
lint:
    cargo fmt --all --check
    cargo clippy --workspace --all-targets -- -D warnings

# Benchmark needs: create and list through the service vs a raw-sqlx twin, and list latency at 10k/100k/1M
bench-needs *args:
    cargo run --release -p bench --bin bench-needs -- {{args}}

# Benchmark batch matching: our exact solver vs OR-Tools SimpleMinCostFlow vs greedy; objective and time
bench-matching *args:
    #!/usr/bin/env bash
    set -euo pipefail
    if ! python3 -c 'import ortools' 2>/dev/null; then
        echo "Installing OR-Tools for the baseline (bench/ortools/requirements.txt)"
        python3 -m pip install -q -r bench/ortools/requirements.txt
    fi
    cargo run --release -p bench --bin bench-matching -- {{args}}

# Benchmark the KPI dashboard: kept counters vs a full-scan aggregate of needs, at 1M and 10M needs
bench-kpis *args:
    cargo run --release -p bench --bin bench-kpis -- {{args}}

# Benchmark survey results: kept aggregates vs a full scan of the responses, at 10k and 100k responses over 30 questions
bench-surveys *args:
    cargo run --release -p bench --bin bench-surveys -- {{args}}

# Benchmark the ledger at 1M postings over 100k accounts: statement page, own balances at a long vs a short history, transfers vs a raw-sqlx twin, the full zero-sum check
bench-ledger *args:
    cargo run --release -p bench --bin bench-ledger -- {{args}}

# Benchmark the dashboard: bytes per route, login form and /m/needs on Slow 4G + 4x CPU, cold and warm, against the commit before the weight work
bench-web:
    bench/web/bench-web.sh
