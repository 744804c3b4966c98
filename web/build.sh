#!/usr/bin/env bash
# Builds the dashboard into dist/web/ (run from anywhere; paths are relative to the repo root).
#
#   web/build.sh            the size-optimised profile (wasm-release) without wasm-opt — what
#                           `just run` and `just test` use
#   web/build.sh --release  the same, then wasm-opt -Oz and the strongest compression — what
#                           `just dist` uses
#   web/build.sh --dev      profile wasm-dev (opt-level 1, no LTO): more parallel compile, an 8 MB
#                           module; measured no faster from cold on 2 cores, so not the default; the
#                           only one that keeps panic messages (the others stop at a panic at once)
#
#   1. wasm32 toolchain + build of the `web` crate (its entries: src/main.rs, the whole dashboard;
#      src/bin/resident.rs, the resident bundle; src/bin/login.rs, sign-in): rustup's target when
#      installed, else Debian's rustc-web with std rebuilt from rust-web-src (see shared/TOOLCHAIN.md);
#   2. wasm-bindgen-cli at exactly the version in Cargo.lock (installed when missing or different);
#   3. wasm-split-cli (crate wasm_split_cli_support, pinned) cuts the whole dashboard and the resident
#      bundle at their split points (web/src/lazy_page.rs) into a main module and chunks;
#   4. bindings, one folder per bundle; for --release wasm-opt (npm package `binaryen`, pinned,
#      installed into tools/) on every module and chunk;
#   5. web/assemble.mjs: each bundle's folder under a content-hashed name, index.html pointing at
#      it, .br and .gz beside every file; it prints raw, gzip and brotli sizes.
# Incremental: nothing is cleaned, cargo reuses $CARGO_TARGET_DIR (default target/).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
OUT=${WEB_OUT:-$ROOT/dist/web}
TARGET=wasm32-unknown-unknown
PROFILE=wasm-release
OPTIMISE=
case "${1:-}" in
    --release) OPTIMISE=1 ;;
    --dev) PROFILE=wasm-dev ;;
    "") ;;
    *) echo "usage: web/build.sh [--release | --dev]" >&2; exit 2 ;;
esac
TARGET_DIR=${CARGO_TARGET_DIR:-$ROOT/target}
WASM_DIR=$TARGET_DIR/$TARGET/$PROFILE
BINARYEN_VERSION=132.0.0
WASM_SPLIT_VERSION=0.2.4
TOOLS=$ROOT/tools
started=$SECONDS

say() { printf '==> %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

say "profile $PROFILE, target dir $TARGET_DIR"

export CARGO_TARGET_DIR=$TARGET_DIR

# --- 1. toolchain ---------------------------------------------------------------------------------
# Captured first: with pipefail, `grep -q` closing the pipe early could fail the test spuriously.
installed_targets=$(rustup target list --installed 2>/dev/null || true)
if grep -qx "$TARGET" <<<"$installed_targets"; then
    say "route: rustup target $TARGET"
    CARGO_BIN=cargo
    compile() { cargo build --quiet --profile "$PROFILE" -p web --target "$TARGET"; }
else
    say "route: Debian rustc-web + build-std (no rustup $TARGET target)"
    CARGO_BIN=/usr/bin/cargo
    packages=(rustc-web cargo-web rust-web-src rust-web-llvm lld-22)
    missing=()
    for p in "${packages[@]}"; do
        status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
        [ "$status" = "install ok installed" ] || missing+=("$p")
    done
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing ${missing[*]}"
        # Waits for the dpkg lock: the test tools may be installing chromium at the same moment.
        as_root apt-get -o DPkg::Lock::Timeout=600 update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=600 install -y -qq "${missing[@]}"
    fi
    # std is rebuilt here anyway, so a panic can stop at once (a trap, "RuntimeError: unreachable")
    # rather than format its message: the message and location machinery, the Debug impls that only
    # `unwrap` used, and every panic location string leave the modules. `--dev` keeps the messages,
    # for debugging. The flags merge with .cargo/config.toml's rustflags.
    panic_flags=()
    if [ "$PROFILE" != wasm-dev ]; then
        panic_flags=(--config "target.$TARGET.rustflags=['-Zunstable-options', '-Cpanic=immediate-abort']")
    fi
    compile() {
        RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
            /usr/bin/cargo build --quiet --profile "$PROFILE" -p web --target "$TARGET" \
            -Z build-std=std,panic_abort "${panic_flags[@]}"
    }
fi

# --- 2. wasm-bindgen-cli matching Cargo.lock, installed while the dashboard compiles ----------------
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$want" ]; then
    echo "error: no wasm-bindgen entry in Cargo.lock" >&2
    exit 1
fi
export PATH="$HOME/.cargo/bin:$PATH"
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
installer=
if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (found: ${have:-none}), alongside the compile"
    # No --locked: the CLI's own lock file pins a crate that has since been yanked. opt-level 1
    # without debug info: less optimisation work than the default release profile (opt-level 3) for
    # a tool that runs for seconds. Its own target dir, so it never waits for the dashboard's build.
    CARGO_TARGET_DIR=$TARGET_DIR/wasm-bindgen-cli \
        CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=false \
        "$CARGO_BIN" install --quiet wasm-bindgen-cli --version "$want" &
    installer=$!
fi
# wasm-split-cli likewise; rustup's cargo, as its dependencies want a current compiler.
splitter=
if ! cargo install --list 2>/dev/null | grep -qx "wasm_split_cli_support v$WASM_SPLIT_VERSION:"; then
    say "installing wasm-split-cli $WASM_SPLIT_VERSION, alongside the compile"
    CARGO_TARGET_DIR=$TARGET_DIR/wasm-split-cli \
        CARGO_PROFILE_RELEASE_OPT_LEVEL=1 CARGO_PROFILE_RELEASE_DEBUG=false \
        cargo install --quiet --locked wasm_split_cli_support --version "$WASM_SPLIT_VERSION" \
        --features build-binary &
    splitter=$!
fi

# --- 3. compile -----------------------------------------------------------------------------------
compile
say "compiled in $((SECONDS - started)) s"
if [ -n "$installer" ]; then
    wait "$installer"
    say "wasm-bindgen-cli $want installed ($((SECONDS - started)) s)"
fi
if [ -n "$splitter" ]; then
    wait "$splitter"
    say "wasm-split-cli $WASM_SPLIT_VERSION installed ($((SECONDS - started)) s)"
fi

# --- 4. split, bind (and optimise) -----------------------------------------------------------------
# A folder per bundle: its glue (<bundle>.js) and main module (<bundle>_bg.wasm); those of the whole
# dashboard and the resident bundle also hold their chunks and the loader (__wasm_split.js) that
# fetches a chunk when a page of its group is first visited. The glue and the loader import each
# other by relative path, so a folder travels as one.
STAGE=$TARGET_DIR/web-stage/$PROFILE
rm -rf "$STAGE"
mkdir -p "$STAGE"
for bundle in web resident; do
    wasm-split-cli "$WASM_DIR/$bundle.wasm" "$STAGE/$bundle" --target web --out-name "$bundle"
    # The split main module exports what the chunks import: keep lld's exports and their names.
    wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle --remove-producers-section \
        --out-dir "$STAGE/$bundle" "$STAGE/$bundle/$bundle.wasm"
    rm "$STAGE/$bundle/$bundle.wasm"
done
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "$STAGE/login" "$WASM_DIR/login.wasm"
say "split and bound in $((SECONDS - started)) s"

if [ -n "$OPTIMISE" ]; then
    # Debian's binaryen (108) rejects what rustc emits today; the npm package ships a current wasm-opt.
    WASM_OPT=$TOOLS/binaryen/node_modules/.bin/wasm-opt
    if [ "$("$WASM_OPT" --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_VERSION%%.*}" ]; then
        say "installing binaryen $BINARYEN_VERSION (npm) into tools/binaryen"
        mkdir -p "$TOOLS/binaryen"
        npm install --silent --no-audit --no-fund --no-save --prefix "$TOOLS/binaryen" "binaryen@$BINARYEN_VERSION"
    fi
    optimised=0
    shrunk=0
    for wasm in "$STAGE"/*/*.wasm; do
        before=$(wc -c <"$wasm")
        # The features rustc's default wasm32 CPU emits (LLVM's "generic"); -Oz must not use others.
        "$WASM_OPT" -Oz --enable-bulk-memory --enable-bulk-memory-opt --enable-nontrapping-float-to-int \
            --enable-sign-ext --enable-mutable-globals --enable-reference-types --enable-multivalue \
            --strip-debug --strip-producers -o "$wasm.opt" "$wasm"
        mv "$wasm.opt" "$wasm"
        optimised=$((optimised + 1))
        shrunk=$((shrunk + before - $(wc -c <"$wasm")))
    done
    say "wasm-opt -Oz on $optimised modules: $shrunk bytes less ($((SECONDS - started)) s)"
fi

# --- 5. hashed names, index.html, .br/.gz -----------------------------------------------------------
fast=--fast
[ -n "$OPTIMISE" ] && fast=
node web/assemble.mjs $fast "$STAGE" "$OUT"
say "dist/web ready ($PROFILE) in $((SECONDS - started)) s"
