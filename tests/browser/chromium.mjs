// Headless Debian Chromium for the browser tests. Never downloads a browser: this machine's network is closed,
// and Chromium's own background traffic is switched off.
import { chromium } from 'playwright-core';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Options are Playwright's context options (e.g. ignoreHTTPSErrors for a test's own certificate).
export async function launch(options = {}) {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'screening-chromium-')), {
    ...options,
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

// The scripts' checks: one line each, "ok: ..." or "FAIL: ..." (the .NET tests read them); finish() lists the failed
// ones and sets exit code 1 when there are any.
export function checklist() {
  const failures = [];
  return {
    check(ok, message) {
      console.log(`${ok ? 'ok' : 'FAIL'}: ${message}`);
      if (!ok) failures.push(message);
    },
    finish() {
      if (failures.length > 0) {
        console.error(`${failures.length} check(s) failed:\n${failures.join('\n')}`);
        process.exitCode = 1;
      }
    },
  };
}
