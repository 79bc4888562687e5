import axe from 'axe-core';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from '@obolus/testing';
import { Browser, BrowserContext, chromium, Page } from 'playwright-core';

/** Screenshots and accessibility reports of the portal tests, kept after the run (CI keeps .data/test-artefacts). */
export const webArtefacts = join(__dirname, '../../.data/test-artefacts/web');

/** Debian's Chromium (`apt-get install chromium`, done by scripts/ensure-deps.sh); no browser is downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const PHONE = { width: 390, height: 844 } as const;
export const DESKTOP = { width: 1366, height: 900 } as const;

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // Containers often run as root, where Chromium refuses its sandbox; tests drive only loopback pages.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

/**
 * A browser context as one person's device: a phone (390×844, touch) or a desktop. Every console error and
 * Content-Security-Policy violation is collected, so a test can require none.
 */
export async function openDevice(
  browser: Browser,
  device: 'phone' | 'desktop',
  baseURL: string,
  locale = 'en-GB',
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  const context = await browser.newContext({
    baseURL,
    locale,
    viewport: device === 'phone' ? PHONE : DESKTOP,
    isMobile: device === 'phone',
    hasTouch: device === 'phone',
    deviceScaleFactor: device === 'phone' ? 2 : 1,
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !/status of 40[134]/.test(message.text())) problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  return { context, page, problems };
}

/** Saves a full-page screenshot as `<name>.png` under .data/test-artefacts/web; returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(webArtefacts, { recursive: true });
  const path = join(webArtefacts, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

export interface AxeFinding {
  id: string;
  impact: string | null | undefined;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is, writes the report beside the screenshots,
 * and returns the serious and critical violations. axe is evaluated through the DevTools protocol, so the
 * page's CSP (script-src 'self') stays as it is in production.
 */
export async function accessibilityFindings(page: Page, name: string): Promise<AxeFinding[]> {
  await page.evaluate(axe.source);
  // Runs in the page (no DOM types here): the global axe the source above defined.
  const results = await page.evaluate<axe.AxeResults>(`axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    resultTypes: ['violations'],
  })`);
  const findings: AxeFinding[] = results.violations.map((violation) => ({
    id: violation.id,
    impact: violation.impact,
    help: violation.help,
    nodes: violation.nodes.map((node) => node.target.join(' ')),
  }));
  mkdirSync(webArtefacts, { recursive: true });
  writeFileSync(join(webArtefacts, `${name}.axe.json`), JSON.stringify(findings, null, 2));
  return findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical');
}

/** A screenshot and an axe scan of one main page; fails the test on a serious or critical violation. */
export async function capture(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  const serious = await accessibilityFindings(page, name);
  if (serious.length > 0) {
    throw new Error(
      `${name}: accessibility violations:\n${serious.map((f) => `- ${f.impact} ${f.id}: ${f.help} at ${f.nodes.join(', ')}`).join('\n')}`,
    );
  }
}

/** Reloads a page until `ready` finds what it waits for (data that arrives through Kafka a moment later). */
export async function reloadUntil(page: Page, url: string, ready: () => Promise<boolean>, what: string, timeoutMs = 90_000) {
  await waitFor(
    async () => {
      await page.goto(url);
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await page.waitForLoadState('networkidle');
      return (await ready()) ? true : undefined;
    },
    { what, timeoutMs, intervalMs: 1000 },
  );
}
