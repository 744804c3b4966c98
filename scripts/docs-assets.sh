#!/usr/bin/env bash
# Fetches the Swagger UI files from the npm registry once, so /docs works with no internet at runtime.
set -euo pipefail
cd "$(dirname "$0")/.."
version=5.17.14
dest=dist/docs
if [ -f "$dest/swagger-ui-bundle.js" ] && [ "$(cat "$dest/.version" 2>/dev/null)" = "$version" ]; then
    exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
echo "fetching swagger-ui-dist@$version (npm registry)"
(cd "$tmp" && npm pack --silent "swagger-ui-dist@$version" >/dev/null && tar xzf swagger-ui-dist-*.tgz)
mkdir -p "$dest"
for f in swagger-ui.css swagger-ui-bundle.js swagger-ui-standalone-preset.js; do
    cp "$tmp/package/$f" "$dest/"
done
echo "$version" > "$dest/.version"
