// Where Debian's Chromium is and the flags that work here (as root, no network): plain JavaScript, so the Web Test
// Runner config (web-test-runner.config.mjs) and the TypeScript suites (./chromium.ts) launch it the same way.
export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
