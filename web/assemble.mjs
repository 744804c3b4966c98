// Assembles dist/web from wasm-bindgen's output: content-hashed file names, index.html pointing at
// them, and a brotli (.br) and gzip (.gz) copy of every file, so the server never compresses them per
// request. Only Node's own modules: nothing to install.
//
//   node web/assemble.mjs [--fast] <bindgen-dir> <out-dir>
//
// <bindgen-dir> holds a folder per bundle, each with its glue <bundle>.js and main module
// <bundle>_bg.wasm: web/ (the whole dashboard) and resident/ (/m and /public), each also holding its
// chunks and their loader __wasm_split.js, and login/ (/login); web/style.css, web/index.html and
// web/sw.js (the service worker) are read from beside this script. <out-dir> is replaced as a whole.

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { routeGroups } from './route-groups.mjs';
import { splitGroups } from './split-groups.mjs';

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

// A split bundle fetches the chunks of a group of pages as one file, a pack per group
// (`pack_<group>.bin`): on a phone's link each file is a round trip, and a group's chunks are many
// (the splitter gives every set of groups that share code a chunk of its own). index.html starts the
// pack of the page it opens beside the main module, and fetches another group's when a page of it is
// first visited (hhPack.take); a chunk no pack answers is fetched as its own file.
const PACK_FETCH = `// web/assemble.mjs: a chunk comes out of its group's pack (index.html, hhPack) when one holds it.
const hhFetch = (url) => globalThis.hhPack?.take(url.href) ?? fetch(url);
`;
function fetchingFromPacks(loader) {
  const fetches = /\bfetch\(new URL\("\.\//g;
  if (!fetches.test(loader)) throw new Error('the chunk loader fetches no chunk as expected: check wasm-split-cli\'s output');
  return PACK_FETCH + loader.replace(fetches, 'hhFetch(new URL("./');
}
/** A pack: the length of a JSON list of [file, length] as 4 bytes little-endian, the list, the files. */
function pack(dir, files) {
  const bodies = files.map((file) => readFileSync(join(dir, file)));
  const head = Buffer.from(JSON.stringify(files.map((file, i) => [file, bodies[i].length])));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(head.length);
  return Buffer.concat([size, head, ...bodies]);
}

// Each bundle's folder from web/build.sh is copied whole as `<bundle>-<hash>/`, the hash taken over
// every file in it: the whole dashboard's glue, loader and chunks refer to each other by relative
// name, so renaming the folder is the one change that keeps them consistent. Custom sections
// (names, the relocations wasm-split reads) are dropped on the way. The loader's rewrite for packs
// is part of the hash, so a changed rewrite is a new name.
const BUNDLES = readdirSync(bindgen).filter((f) => statSync(join(bindgen, f)).isDirectory()).sort();
const names = { 'style.css': hashed(join(here, 'style.css'), 'style', 'css') };
const folders = {};
for (const bundle of BUNDLES) {
  const src = join(bindgen, bundle);
  const digest = createHash('sha256');
  for (const file of walk(src).sort()) digest.update(file).update(readFileSync(join(src, file)));
  digest.update(PACK_FETCH);
  const folder = `${bundle}-${digest.digest('hex').slice(0, 16)}`;
  cpSync(src, join(tmp, folder), { recursive: true });
  for (const file of walk(join(tmp, folder)).filter((f) => f.endsWith('.wasm'))) {
    const path = join(tmp, folder, file);
    writeFileSync(path, withoutCustomSections(readFileSync(path)));
  }
  const loader = join(tmp, folder, '__wasm_split.js');
  if (existsSync(loader)) writeFileSync(loader, fetchingFromPacks(readFileSync(loader, 'utf8')));
  folders[bundle] = folder;
  names[`${bundle}.js`] = `${folder}/${bundle}.js`;
  names[`${bundle}_bg.wasm`] = `${folder}/${bundle}_bg.wasm`;
  // A split bundle's chunk loader, preloaded beside its glue.
  if (existsSync(join(src, '__wasm_split.js'))) names[`${bundle}/__wasm_split.js`] = `${folder}/__wasm_split.js`;
}

const template = readFileSync(join(here, 'index.html'), 'utf8');
let index = template;
for (const [plain, name] of Object.entries(names)) {
  if (!index.includes(`'/${plain}'`) && !index.includes(`"/${plain}"`)) throw new Error(`index.html does not refer to /${plain}: check web/index.html`);
  index = index.replaceAll(`'/${plain}'`, `'/${name}'`).replaceAll(`"/${plain}"`, `"/${name}"`);
}
// For each split bundle, which group of pages each route opens and the files of each group, so
// that index.html fetches the chunks of the page a path opens beside the main module.
const pages = {};
for (const bundle of BUNDLES.filter((b) => existsSync(join(bindgen, b, '__wasm_split.js')))) {
  // Cargo's layout: the crate's own binary (`web`) is src/main.rs, any other src/bin/<name>.rs.
  const entry = bundle === 'web' ? 'src/main.rs' : `src/bin/${bundle}.rs`;
  const groups = {};
  const packs = {};
  for (const [name, group] of splitGroups(readFileSync(join(bindgen, bundle, '__wasm_split.js'), 'utf8'))) {
    groups[name] = group.files.map((file) => `/${folders[bundle]}/${file}`);
    packs[name] = `/${folders[bundle]}/pack_${name}.bin`;
    writeFileSync(join(tmp, packs[name]), pack(join(tmp, folders[bundle]), group.files));
  }
  const routes = routeGroups(readFileSync(join(here, entry), 'utf8'), `web/${entry}`);
  for (const [path, group] of routes) {
    if (!groups[group]) throw new Error(`web/${entry}: ${path} is in the group ${group}, which the built ${bundle} bundle has no split point for`);
  }
  pages[bundle] = { routes, groups, packs };
}
const PAGES = '/* web/assemble.mjs: each split bundle\'s routes and page groups */ {}';
if (!index.includes(PAGES)) throw new Error('index.html has no place for the page groups: check web/index.html');
index = index.replace(PAGES, JSON.stringify(pages));
writeFileSync(join(tmp, 'index.html'), index);
// The service worker keeps its plain name: its URL is its identity to the browser (and fixes its
// scope), and the server sends it `no-cache`, so a new build's worker is seen at once.
cpSync(join(here, 'sw.js'), join(tmp, 'sw.js'));

/**
 * The module without its custom sections (id 0): names, the linker's relocations that wasm-split
 * reads (`--emit-relocs`), producers. The browser uses none of them. A section is its id byte, its
 * size as unsigned LEB128, then its bytes.
 */
function withoutCustomSections(wasm) {
  const parts = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const start = at;
    const id = wasm[at++];
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = wasm[at++];
      size += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    at += size;
    if (id !== 0) parts.push(wasm.subarray(start, at));
  }
  return Buffer.concat(parts);
}

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
const line = (label, [raw, gz, br]) => console.log(`    ${label.padEnd(44)} ${pad(raw, 9)} ${pad(gz, 9)} ${pad(br, 9)}`);
const sum = (rows) => rows.reduce((t, [, raw, gz, br]) => [t[0] + raw, t[1] + gz, t[2] + br], [0, 0, 0]);
console.log(`    ${'file'.padEnd(44)} ${pad('raw', 9)} ${pad('gzip', 9)} ${pad('brotli', 9)}`);
// The big files by name; the many small chunks only in the sums below.
for (const [name, raw, gz, br] of sizes.filter(([, raw]) => raw >= 50_000).sort((a, b) => b[1] - a[1])) line(name, [raw, gz, br]);
// What a first visit downloads (css, glue, main module, the loader of a split bundle), then per
// split point (a group of pages, web/src/lazy_page.rs) what its first visit adds, read from the
// bundle's loader (split-groups.mjs).
const size = new Map(sizes.map(([name, ...s]) => [name, s]));
const total = (files) => sum(files.map((n) => [n, ...size.get(n)]));
for (const bundle of BUNDLES) {
  const loaderName = names[`${bundle}/__wasm_split.js`];
  const first = [names['style.css'], names[`${bundle}.js`], names[`${bundle}_bg.wasm`], loaderName].filter(Boolean);
  line(`initial download, ${bundle}`, total(first));
  if (!loaderName) continue;
  const loader = readFileSync(join(out, loaderName), 'utf8');
  for (const [name, group] of splitGroups(loader)) {
    const files = group.files.map((f) => `${folders[bundle]}/${f}`);
    line(`  + ${name} (${files.length} files)`, total(files));
    line(`    as its first visit's pack`, total([`${folders[bundle]}/pack_${name}.bin`]));
  }
}
