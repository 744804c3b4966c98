#!/usr/bin/env bash
# `just bench-web`: the dashboard's bytes per route and time to the login form and the resident's
# /m/needs (Slow 4G + 4× CPU, cold and warm), this tree against the commit before the weight work.
#
#   1. builds the baseline commit ($BASELINE, default 6854c0b) in a git worktree of its own: its
#      dashboard with its own web/build.sh and its server (debug), in a target dir of its own — both kept
#      between runs (or given: BASELINE_WEB=<its dist/web> BASELINE_BIN=<its happyhome>);
#   2. builds this tree's production dashboard (web/build.sh --release) into $WORK/current/web and
#      its server (debug, the build `just test` makes);
#   3. serves each with demo data on a free port over a fresh SQLite file and runs bench-web.mjs
#      against both; prints the table with ratios (this tree / baseline).
#
# WORK defaults to $CARGO_TARGET_DIR/bench-web (or target/bench-web). RUNS=n runs per measurement.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
export CARGO_TARGET_DIR=$TARGET_DIR
WORK=${WORK:-$TARGET_DIR/bench-web}
BASELINE=${BASELINE:-6854c0b}
mkdir -p "$WORK"
say() { printf '==> %s\n' "$*"; }

scripts/tools.sh

# --- 1. the baseline ------------------------------------------------------------------------------
base_src=$WORK/baseline-src
commit=$(git rev-parse "$BASELINE^{commit}")
if [ -z "${BASELINE_WEB:-}" ] || [ -z "${BASELINE_BIN:-}" ]; then
    if [ ! -d "$base_src" ] || [ "$(git -C "$base_src" rev-parse HEAD 2>/dev/null)" != "$commit" ]; then
        say "baseline: worktree of $BASELINE at $base_src"
        git worktree remove --force "$base_src" 2>/dev/null || rm -rf "$base_src"
        git worktree prune
        git worktree add --detach "$base_src" "$commit" >/dev/null
    fi
fi
if [ -z "${BASELINE_WEB:-}" ]; then
    BASELINE_WEB=$base_src/dist/web
    stamp=$BASELINE_WEB/.built-from
    if [ "$(cat "$stamp" 2>/dev/null)" != "$commit" ]; then
        say "baseline: building its dashboard with its own web/build.sh (wasm-release, as shipped then)"
        # Its build.sh reads target/ under its own root: its own target dir, kept in $WORK.
        mkdir -p "$WORK/baseline-target"
        ln -sfn "$WORK/baseline-target" "$base_src/target"
        # Its worktree sits under this repo, so cargo would also read this tree's .cargo/config.toml
        # (erase_components, added after it). A set RUSTFLAGS, even empty, wins over any config.
        (cd "$base_src" && CARGO_TARGET_DIR="$base_src/target" RUSTFLAGS="" web/build.sh)
        echo "$commit" >"$stamp"
    fi
fi
if [ -z "${BASELINE_BIN:-}" ]; then
    BASELINE_BIN=$WORK/baseline-happyhome
    if [ "$(cat "$BASELINE_BIN.built-from" 2>/dev/null)" != "$commit" ]; then
        say "baseline: building its server"
        # In its own target dir, beside its dashboard's. Cargo names a path crate's artifacts by its
        # path inside its workspace, so the baseline's `shared` and `api` built in this tree's
        # target dir would be taken for this tree's, and this tree's server would not compile.
        mkdir -p "$WORK/baseline-target"
        ln -sfn "$WORK/baseline-target" "$base_src/target"
        (cd "$base_src" && CARGO_TARGET_DIR="$base_src/target" RUSTFLAGS="" cargo build -q -p api --bin happyhome)
        cp "$base_src/target/debug/happyhome" "$BASELINE_BIN"
        echo "$commit" >"$BASELINE_BIN.built-from"
    fi
fi

# --- 2. this tree ---------------------------------------------------------------------------------
say "building this tree: dashboard (--release) and server"
WEB_OUT=$WORK/current/web web/build.sh --release
# The build `just test` makes (see `just build-tests`), so a tested tree compiles nothing here.
cargo build -q --workspace --all-targets
current_bin=$WORK/current-happyhome
cp "$TARGET_DIR/debug/happyhome" "$current_bin"

# --- 3. serve both and measure --------------------------------------------------------------------
pids=()
cleanup() {
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT

start() { # label binary web-dir -> prints base URL
    local label=$1 bin=$2 web=$3 dir=$WORK/run-$1 port
    rm -rf "$dir" && mkdir -p "$dir"
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    APP_DATABASE__URL="sqlite://$dir/bench.db" APP_SERVER__PORT=$port APP_SERVER__WEB_DIR=$web \
        APP_AUTH__LOGIN_ATTEMPTS_PER_MINUTE=10000 APP_WEBHOOKS__POLL_INTERVAL_MS=0 RUST_LOG=warn \
        "$bin" serve --migrate --demo >"$dir/server.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 240); do
        curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1 && break
        sleep 0.5
    done
    curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null || { cat "$dir/server.log"; echo "$label server never became ready" >&2; exit 1; }
    echo "http://127.0.0.1:$port"
}

base_url=$(start baseline "$BASELINE_BIN" "$BASELINE_WEB")
current_url=$(start current "$current_bin" "$WORK/current/web")
say "baseline $BASELINE at $base_url, this tree at $current_url"
node bench/web/bench-web.mjs "baseline=$base_url" "this=$current_url"
