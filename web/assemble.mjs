// Assembles dist/web from wasm-bindgen's output: content-hashed file names, index.html pointing at
// them, and a brotli (.br) and gzip (.gz) copy of every file, so the server never compresses them per
// request. Only Node's own modules: nothing to install.
//
//   node web/assemble.mjs [--fast] <bindgen-dir> <out-dir>
//
// <bindgen-dir> holds the three bundles, web.js + web_bg.wasm (the whole dashboard), resident.js +
// resident_bg.wasm (/m and /public) and login.js + login_bg.wasm (/login), and snippets/ when the crate has inline JS; web/style.css
// and web/index.html are read from beside this script. <out-dir> is replaced as a whole.

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const args = process.argv.slice(2);
// --fast (development builds): brotli 5 and gzip 6 take seconds where 11 and 9 take minutes on a big module.
const fast = args.includes('--fast');
const [bindgen, out] = args.filter((a) => a !== '--fast');
if (!bindgen || !out) {
  console.error('usage: node web/assemble.mjs <bindgen-dir> <out-dir>');
  process.exit(2);
}
const here = dirname(fileURLToPath(import.meta.url));
const tmp = `${out}.tmp`;
rmSync(tmp, { recursive: true, force: true });
mkdirSync(tmp, { recursive: true });

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
/** Copies `src` into the output as `<stem>-<hash>.<ext>` and returns that name. */
function hashed(src, stem, ext) {
  const bytes = readFileSync(src);
  const name = `${stem}-${hash(bytes)}.${ext}`;
  writeFileSync(join(tmp, name), bytes);
  return name;
}

// Each bundle's name in index.html -> its hashed name. The glue names no file of its own once init()
// is given the wasm's URL; snippets (inline JS of the crate) are imported by relative path, so they
// keep their folder and the glue's hash covers them.
// Whatever bundles web/build.sh bound: each `<name>_bg.wasm` beside its `<name>.js`.
const BUNDLES = readdirSync(bindgen).filter((f) => f.endsWith('_bg.wasm')).map((f) => f.slice(0, -'_bg.wasm'.length)).sort();
if (existsSync(join(bindgen, 'snippets'))) cpSync(join(bindgen, 'snippets'), join(tmp, 'snippets'), { recursive: true });
const names = { 'style.css': hashed(join(here, 'style.css'), 'style', 'css') };
for (const bundle of BUNDLES) {
  names[`${bundle}_bg.wasm`] = hashed(join(bindgen, `${bundle}_bg.wasm`), `${bundle}_bg`, 'wasm');
  names[`${bundle}.js`] = hashed(join(bindgen, `${bundle}.js`), bundle, 'js');
}

const template = readFileSync(join(here, 'index.html'), 'utf8');
let index = template;
for (const [plain, name] of Object.entries(names)) {
  if (!index.includes(`'/${plain}'`) && !index.includes(`"/${plain}"`)) throw new Error(`index.html does not refer to /${plain}: check web/index.html`);
  index = index.replaceAll(`'/${plain}'`, `'/${name}'`).replaceAll(`"/${plain}"`, `"/${name}"`);
}
writeFileSync(join(tmp, 'index.html'), index);

/** Every file under `dir`, as paths relative to it. */
function walk(dir, base = dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? walk(path, base) : [relative(base, path)];
  });
}

const sizes = [];
for (const name of walk(tmp)) {
  const bytes = readFileSync(join(tmp, name));
  const br = brotliCompressSync(bytes, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: fast ? 5 : constants.BROTLI_MAX_QUALITY,
      [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      [constants.BROTLI_PARAM_LGWIN]: 24,
    },
  });
  const gz = gzipSync(bytes, { level: fast ? 6 : 9 });
  // A variant no smaller than the file is left out: the server then sends the file itself.
  if (br.length < bytes.length) writeFileSync(join(tmp, `${name}.br`), br);
  if (gz.length < bytes.length) writeFileSync(join(tmp, `${name}.gz`), gz);
  sizes.push([name, bytes.length, gz.length, br.length]);
}

rmSync(out, { recursive: true, force: true });
renameSync(tmp, out);

const pad = (v, n) => String(v).padStart(n);
console.log(`    ${'file'.padEnd(34)} ${pad('raw', 9)} ${pad('gzip', 9)} ${pad('brotli', 9)}`);
for (const [name, raw, gz, br] of sizes.sort((a, b) => b[1] - a[1])) {
  console.log(`    ${name.padEnd(34)} ${pad(raw, 9)} ${pad(gz, 9)} ${pad(br, 9)}`);
}
// What a first visit downloads (wasm + js + css), per bundle.
for (const bundle of BUNDLES) {
  const files = new Set([names[`${bundle}_bg.wasm`], names[`${bundle}.js`], names['style.css']]);
  const total = sizes.filter(([name]) => files.has(name)).reduce((t, [, raw, gz, br]) => [t[0] + raw, t[1] + gz, t[2] + br], [0, 0, 0]);
  const label = `initial download, ${bundle}`;
  console.log(`    ${label.padEnd(34)} ${pad(total[0], 9)} ${pad(total[1], 9)} ${pad(total[2], 9)}`);
}
