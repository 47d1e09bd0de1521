/**
 * Debian's Chromium driven by playwright-core for the browser tests (never a downloaded browser).
 * Without /usr/bin/chromium the browser tests are skipped locally with a message, and fail in CI
 * (CI=true), where .ci/run installs it.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CXSIM_CHROMIUM ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** Run browser tests here? In CI they run always (and fail without Chromium); elsewhere only when Chromium is installed. */
export const RUN_BROWSER_TESTS = HAVE_CHROMIUM || process.env.CI === 'true';
if (!RUN_BROWSER_TESTS) console.warn(`browser tests skipped: no ${CHROMIUM} (apt-get install chromium, as .ci/run does)`);

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface Watched {
  errors: string[];
  requests: string[];
}

/** Console errors, page errors and every request a page makes. */
export function watch(page: Page): Watched {
  const w: Watched = { errors: [], requests: [] };
  page.on('console', (m) => m.type() === 'error' && w.errors.push(m.text()));
  page.on('pageerror', (e) => w.errors.push(e.message));
  page.on('request', (r) => w.requests.push(r.url()));
  return w;
}
