import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { type BrowserModeApp, startBrowserMode } from '../../electron/server/browser-mode.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = resolve('test-output/e2e');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export function tempDataFile(name = 'e2e.db'): string {
  return join(mkdtempSync(join(tmpdir(), 'selfeval-e2e-')), name);
}

export async function startApp(dataFile: string): Promise<BrowserModeApp> {
  return startBrowserMode({ dataFile, staticDir: resolve('dist/renderer') });
}

export interface OpenedPage {
  page: Page;
  /** Console errors and CSP violations seen so far; a test asserts this stays empty. */
  problems: string[];
}

export async function openApp(browser: Browser, app: BrowserModeApp): Promise<OpenedPage> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(app.server.appUrl);
  try {
    await page.getByText('部门整体支出绩效自评').first().waitFor();
  } catch (err) {
    await screenshot(page, `failed-open-${Date.now()}`);
    throw new Error(`app did not render: ${(err as Error).message}\n${problems.join('\n')}\n${(await page.content()).slice(0, 2000)}`);
  }
  return { page, problems };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = join(SCREENSHOT_DIR, `${name}.png`);
  // Transitions fast-forwarded: a button whose loading icon is still collapsing would otherwise
  // show a blank gap before its label that users never see once it settles.
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

export async function navigate(page: Page, label: string): Promise<void> {
  // By accessible name: an item whose name also carried its icon's name ("bank 单位与年度") fails here.
  await page.getByRole('menuitem', { name: label, exact: true }).click();
}

/**
 * Chooses `title` in an antd Select. On a loaded machine the click on the option can land while
 * the dropdown is still being placed and choose nothing (the dropdown just stays open), so the
 * choice is checked on the select itself and the click repeated.
 */
export async function chooseOption(page: Page, select: Locator, title: string): Promise<void> {
  const root = select.locator('xpath=ancestor-or-self::*[contains(concat(" ", normalize-space(@class), " "), " ant-select ")][1]');
  const combo = root.getByRole('combobox');
  for (let attempt = 1; attempt <= 4; attempt++) {
    if ((await combo.getAttribute('aria-expanded')) !== 'true') await select.click();
    // This select's own dropdown (it holds the listbox the combobox controls), not one still
    // closing from an earlier choice.
    const list = await combo.getAttribute('aria-controls');
    const dropdown = page.locator('.ant-select-dropdown', { has: page.locator(`[id="${list}"]`) });
    await dropdown.getByTitle(title, { exact: true }).click();
    try {
      await root.filter({ hasText: title }).waitFor({ timeout: 3000 });
      return;
    } catch {
      // The click chose nothing: try once more.
    }
  }
  throw new Error(`下拉框未能选中“${title}”`);
}

/** Loads the example year (Panyu 2021) from the start page and waits until it is in. */
export async function loadExample(page: Page): Promise<void> {
  await page.getByTestId('load-example').click();
  await page.getByText('示例年度已载入').waitFor();
}
