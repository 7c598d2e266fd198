// `npm run size`: gzip sizes of what a page downloads, next to Clerk's own bundle measured in the same run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

if (!existsSync('dist/clerk.browser.js')) {
  console.error('dist/clerk.browser.js is missing: run `npm run build` first.');
  process.exit(1);
}

// The reference: Clerk's script-tag bundle, installed as a devDependency (its exports hide package.json).
const clerkDir = 'node_modules/@clerk/clerk-js';
const clerkFile = join(clerkDir, 'dist/clerk.browser.js');
const clerkVersion = existsSync(join(clerkDir, 'package.json')) ? JSON.parse(readFileSync(join(clerkDir, 'package.json'), 'utf8')).version : 'not installed';

const LOADER_BUDGET = 12 * 1024;
const ours = gz('dist/clerk.browser.js');
const rows = [['clerk-wc dist/clerk.browser.js (loader + headless client)', ours]];
if (existsSync(clerkFile)) rows.push([`@clerk/clerk-js ${clerkVersion} dist/clerk.browser.js`, gz(clerkFile)]);

console.log('bundle                                                      gzip bytes      size');
for (const [name, bytes] of rows) console.log(`${name.padEnd(58)} ${String(bytes).padStart(11)}  ${kb(bytes).padStart(8)}`);
const theirs = rows[1]?.[1];
if (theirs) console.log(`ratio ours / Clerk's: ${(ours / theirs).toFixed(3)} (1/${(theirs / ours).toFixed(1)})`);
console.log(`budget: loader <= ${kb(LOADER_BUDGET)} gzip: ${ours <= LOADER_BUDGET ? 'PASS' : 'MISS'}`);
console.log(JSON.stringify({ event: 'size', loaderGzip: ours, clerkJsGzip: theirs ?? null, clerkJsVersion: clerkVersion, ratio: theirs ? ours / theirs : null, loaderBudget: LOADER_BUDGET }));
