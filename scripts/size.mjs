// `npm run size`: gzip sizes of what a page downloads, next to Clerk's own bundle measured in the same run.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
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

/** An element chunk and every chunk it imports statically (what the browser fetches for that tag). */
function closure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) closure(join(dirname(file), m[1]), seen);
  return seen;
}

const LOADER_BUDGET = 12 * 1024;
const PAGE_BUDGET = 30 * 1024;
/** What <clerk-user-profile> adds to a page that already shows the user button (a signed-in app's header). */
const PROFILE_BUDGET = 15 * 1024;
const ours = gz('dist/clerk.browser.js');
const rows = [['clerk-wc dist/clerk.browser.js (loader + headless client)', ours]];
if (existsSync(clerkFile)) rows.push([`@clerk/clerk-js ${clerkVersion} dist/clerk.browser.js`, gz(clerkFile)]);

console.log('bundle                                                      gzip bytes      size');
for (const [name, bytes] of rows) console.log(`${name.padEnd(58)} ${String(bytes).padStart(11)}  ${kb(bytes).padStart(8)}`);
const theirs = rows[1]?.[1];
if (theirs) console.log(`ratio ours / Clerk's: ${(ours / theirs).toFixed(3)} (1/${(theirs / ours).toFixed(1)})`);
console.log(`budget: loader <= ${kb(LOADER_BUDGET)} gzip: ${ours <= LOADER_BUDGET ? 'PASS' : 'MISS'}`);

// A page that shows one element downloads the loader plus that element's chunks.
const pages = {};
let profileExtra = null;
if (existsSync('dist/elements')) {
  console.log('\npage showing only…                 files  gzip bytes (loader + element chunks)');
  for (const name of readdirSync('dist/elements').filter((f) => f.endsWith('.js'))) {
    const files = [...closure(join('dist/elements', name))];
    const total = ours + files.reduce((n, f) => n + gz(f), 0);
    pages[name.replace(/\.js$/, '')] = total;
    console.log(`<clerk-${name.replace(/\.js$/, '')}>`.padEnd(36) + String(files.length + 1).padStart(5) + String(total).padStart(12) + `  ${kb(total)}`);
  }
  if (existsSync('dist/elements/user-profile.js') && existsSync('dist/elements/user-button.js') && existsSync('dist/elements/sign-in.js')) {
    // The profile's own chunk is what a page that already shows the other elements (their shared chunks: Lit, the base
    // class, the form machinery) downloads on top; a page with only the user button also fetches the form chunk.
    const extra = (have) => [...closure('dist/elements/user-profile.js')].filter((f) => !have.has(f)).reduce((n, f) => n + gz(f), 0);
    const button = closure('dist/elements/user-button.js');
    profileExtra = extra(new Set([...button, ...closure('dist/elements/sign-in.js')]));
    const overButton = extra(button);
    console.log(
      `budget: <clerk-user-profile> adds ${kb(profileExtra)} <= ${kb(PROFILE_BUDGET)} gzip to a page with the other elements: ${profileExtra <= PROFILE_BUDGET ? 'PASS' : 'MISS'}` +
        ` (${kb(overButton)} to a page with only <clerk-user-button>)`,
    );
  }
  if (pages['sign-in']) {
    console.log(
      `budget: sign-in page <= ${kb(PAGE_BUDGET)} gzip: ${pages['sign-in'] <= PAGE_BUDGET ? 'PASS' : 'MISS'}` +
        (theirs ? `; Clerk's clerk.browser.js alone is ${(theirs / pages['sign-in']).toFixed(1)}× that, before its UI bundles` : ''),
    );
  }
}
console.log(
  JSON.stringify({
    event: 'size',
    loaderGzip: ours,
    clerkJsGzip: theirs ?? null,
    clerkJsVersion: clerkVersion,
    ratio: theirs ? ours / theirs : null,
    loaderBudget: LOADER_BUDGET,
    pageGzip: pages,
    pageBudget: PAGE_BUDGET,
    profileExtraGzip: profileExtra,
    profileBudget: PROFILE_BUDGET,
  }),
);
