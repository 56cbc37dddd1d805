import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, startApp, tempDataFile } from './harness.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A fontconfig that knows only DejaVu (Latin, no Chinese): a PC with no Chinese system font. */
function latinOnlyFontconfig(): string {
  const dir = mkdtempSync(join(tmpdir(), 'selfeval-fc-'));
  const file = join(dir, 'fonts.conf');
  writeFileSync(
    file,
    `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>/usr/share/fonts/truetype/dejavu</dir><cachedir>${dir}/cache</cachedir></fontconfig>`,
  );
  return file;
}

describe('browser mode: the UI on a PC without Chinese fonts', () => {
  it('draws Chinese text with the face the app brings', async () => {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      env: { ...process.env, FONTCONFIG_FILE: latinOnlyFontconfig() },
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    });
    const app = await startApp(tempDataFile());
    try {
      const { page, problems } = await openApp(browser, app);
      await page.evaluate(() => document.fonts.ready);
      const faces = await page.evaluate(() => [...document.fonts].map((f) => `${f.family}:${f.status}`));
      expect(faces).toContain('SelfEval UI Sans:loaded');
      // The heading's glyphs come from the bundled face: its width matches that face, not a fallback box.
      const widths = await page.evaluate(() => {
        const probe = (family: string) => {
          const ctx = document.createElement('canvas').getContext('2d')!;
          ctx.font = `20px ${family}`;
          return ctx.measureText('部门整体支出绩效自评').width;
        };
        return { bundled: probe('"SelfEval UI Sans"'), ui: probe(getComputedStyle(document.body).fontFamily) };
      });
      expect(widths.ui).toBeCloseTo(widths.bundled, 1);
      await screenshot(page, '02-ui-without-chinese-system-fonts');
      expect(problems).toEqual([]);
      await page.context().close();
    } finally {
      await browser.close();
      await app.close();
    }
  });
});
