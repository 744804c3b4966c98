#!/usr/bin/env bash
# Builds the dashboard into dist/web/ (run from anywhere; paths are relative to the repo root).
#
#   1. wasm32 build of the `web` crate: rustup's target when installed, else Debian's rustc-web with
#      std rebuilt from rust-web-src (see shared/TOOLCHAIN.md);
#   2. wasm-bindgen-cli at exactly the version in Cargo.lock (installed when missing or different);
#   3. bindings + index.html + style.css into dist/web/, wasm-opt when available and it accepts the module;
#   4. the gzipped size of what the browser downloads.
# Incremental: nothing is cleaned, cargo reuses target/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
OUT=$ROOT/dist/web
TARGET=wasm32-unknown-unknown
PROFILE=wasm-release
WASM=$ROOT/target/$TARGET/$PROFILE/web.wasm
started=$SECONDS

say() { printf '==> %s\n' "$*"; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

# --- 1. compile ---------------------------------------------------------------------------------
# Captured first: with pipefail, `grep -q` closing the pipe early could fail the test spuriously.
installed_targets=$(rustup target list --installed 2>/dev/null || true)
if grep -qx "$TARGET" <<<"$installed_targets"; then
    say "route: rustup target $TARGET"
    CARGO_BIN=cargo
    cargo build --quiet --profile "$PROFILE" -p web --target "$TARGET"
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
        as_root apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
    fi
    RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
        /usr/bin/cargo build --quiet --profile "$PROFILE" -p web --target "$TARGET" \
        -Z build-std=std,panic_abort
fi
say "compiled in $((SECONDS - started)) s"

# --- 2. wasm-bindgen-cli matching Cargo.lock ------------------------------------------------------
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$want" ]; then
    echo "error: no wasm-bindgen entry in Cargo.lock" >&2
    exit 1
fi
export PATH="$HOME/.cargo/bin:$PATH"
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
    say "installing wasm-bindgen-cli $want (found: ${have:-none})"
    # No --locked: the CLI's own lock file pins a crate that has since been yanked.
    "$CARGO_BIN" install --quiet wasm-bindgen-cli --version "$want"
fi

# --- 3. bind and assemble -----------------------------------------------------------------------
mkdir -p "$OUT"
wasm-bindgen --target web --no-typescript --remove-name-section --remove-producers-section \
    --out-dir "$OUT" "$WASM"
cp web/style.css "$OUT/"
if command -v wasm-opt >/dev/null 2>&1; then
    # Debian's binaryen may be older than the features rustc emits; keep the unoptimised file then.
    if wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
        --enable-mutable-globals -o "$OUT/web_bg.opt.wasm" "$OUT/web_bg.wasm" 2>/dev/null; then
        mv "$OUT/web_bg.opt.wasm" "$OUT/web_bg.wasm"
        say "wasm-opt applied"
    else
        rm -f "$OUT/web_bg.opt.wasm"
        say "wasm-opt present but rejected the module; skipped"
    fi
fi

# File names stay fixed (the server's fallback serves index.html for client routes), so the page asks
# for ?v=<content hash>: a browser never pairs a cached web.js with a new web_bg.wasm.
version=$(cat "$OUT/web.js" "$OUT/web_bg.wasm" "$OUT/style.css" | sha256sum | cut -c1-12)
sed -e "s#/web\.js'#/web.js?v=$version'#; s#\"/web\.js\"#\"/web.js?v=$version\"#" \
    -e "s#/web_bg\.wasm#/web_bg.wasm?v=$version#g; s#/style\.css#/style.css?v=$version#" \
    web/index.html >"$OUT/index.html"

# --- 4. report ------------------------------------------------------------------------------------
gz() { gzip -9 -c "$1" | wc -c; }
wasm_gz=$(gz "$OUT/web_bg.wasm")
js_gz=$(gz "$OUT/web.js")
say "dist/web ready in $((SECONDS - started)) s"
printf '    web_bg.wasm %7d bytes, %7d gzipped\n' "$(wc -c <"$OUT/web_bg.wasm")" "$wasm_gz"
printf '    web.js      %7d bytes, %7d gzipped\n' "$(wc -c <"$OUT/web.js")" "$js_gz"
printf '    total gzipped: %d KiB\n' $(((wasm_gz + js_gz) / 1024))
