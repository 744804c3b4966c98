// Reads a split bundle's chunk loader (`__wasm_split.js`, written by wasm-split-cli): for each split
// point (a group of pages, web/src/lazy_page.rs) the files its first visit fetches. Each
// `__wasm_split_load_<name>_<hash>` fetches its own module after the chunks it lists (through
// `hhFetch` once web/assemble.mjs has taught it packs). Used by
// web/assemble.mjs (sizes per group) and tests/browser/bundles.mjs (what a visit may fetch).

/** Map of group name -> { module, files: [module, ...chunks] }, file names relative to the loader. */
export function splitGroups(loader) {
  const chunkFile = new Map(
    [...loader.matchAll(/const (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = (?:hhFetch|fetch)\(new URL\("\.\/([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  const exports = /export const __wasm_split_load_(\w+?)_\d+ = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = (?:hhFetch|fetch)\(new URL\("\.\/([^"]+)"[\s\S]*?, \[([^\]]*)\]\)\)/g;
  const groups = new Map();
  for (const m of loader.matchAll(exports)) {
    const deps = m[3].split(',').map((d) => d.trim()).filter(Boolean).map((d) => chunkFile.get(d));
    groups.set(m[1].replace(/^_+/, ''), { module: m[2], files: [m[2], ...deps] });
  }
  return groups;
}
