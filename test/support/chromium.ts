// Debian's Chromium through playwright-core, with the flags that work here (as root, no network): one place for
// every browser suite and the page benchmark.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium-flags.mjs';

export { CHROMIUM, CHROMIUM_ARGS };

/** Starts Chromium, or fails with how to install it. */
export function launchChromium(): Promise<Browser> {
  assert.ok(existsSync(CHROMIUM), `Chromium is not installed at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, timeout: 30_000 });
}
