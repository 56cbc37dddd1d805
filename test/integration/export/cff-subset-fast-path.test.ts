import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasNoSubroutines, installCffSubsetFastPath } from '../../../electron/export/pdf/cff-subset-fast-path.ts';
import { FACES } from '../../../electron/export/pdf/font-registry.ts';

// The subsetting shortcut for CFF faces without subroutines must give exactly the bytes fontkit's own
// subsetter gives, for every Fandol face the report embeds.

interface Subset {
  font: unknown;
  cff: Parameters<typeof hasNoSubroutines>[0];
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}
interface Font {
  numGlyphs: number;
  createSubset(): Subset;
  glyphsForString(s: string): { id: number }[];
}

const fontDir = path.resolve('resources/fonts');
const require = createRequire(import.meta.url);
const fontkit = createRequire(require.resolve('pdfkit'))('fontkit') as { create(b: Buffer): Font };
const cffFaces = Object.values(FACES).filter((f) => f.endsWith('.otf'));
const read = (file: string) => readFileSync(path.join(fontDir, file));

function subset(font: Font, gids: number[], own: boolean): Buffer {
  const s = font.createSubset();
  // fontkit's own path: the subset interprets the real glyphs.
  if (own) s.font = font;
  else expect(s.font, 'fast path not active').not.toBe(font);
  for (const gid of gids) s.includeGlyph(gid);
  return Buffer.from(s.encode());
}

describe('CFF subset fast path', () => {
  it('installs for the Fandol faces, which have no subroutines', () => {
    expect(installCffSubsetFastPath(read(FACES.fang))).toBe(true);
    expect(installCffSubsetFastPath(read(FACES.fang))).toBe(true);
    for (const file of cffFaces) {
      const s = fontkit.create(read(file)).createSubset();
      expect(hasNoSubroutines(s.cff), file).toBe(true);
      expect(s.font, `${file}: subset should skip charstring interpretation`).not.toHaveProperty('numGlyphs');
    }
  });

  it('gives fontkit’s own bytes for every Fandol face', () => {
    installCffSubsetFastPath(read(FACES.fang));
    const text = '部门整体支出绩效自评报告（一）基本情况，预算执行率 94.23%；— 1 — 单位（盖章）ABCxyz0123456789';
    for (const file of cffFaces) {
      const probe = fontkit.create(read(file));
      const step = Math.floor(probe.numGlyphs / 400);
      const gids = [...probe.glyphsForString(text).map((g) => g.id), ...Array.from({ length: 400 }, (_, i) => 1 + i * step)];
      const fast = subset(fontkit.create(read(file)), gids, false);
      const own = subset(fontkit.create(read(file)), gids, true);
      expect(fast.length, file).toBeGreaterThan(10_000);
      expect(fast.equals(own), file).toBe(true);
    }
  });

  it('leaves faces with subroutines to fontkit', () => {
    const noSubrs = { globalSubrIndex: [], topDict: { FDArray: [{ Private: {} }] } };
    expect(hasNoSubroutines(noSubrs)).toBe(true);
    expect(hasNoSubroutines({ ...noSubrs, globalSubrIndex: [{}] })).toBe(false);
    expect(hasNoSubroutines({ globalSubrIndex: [], topDict: { Private: { Subrs: [{}] } } })).toBe(false);
    expect(hasNoSubroutines({ globalSubrIndex: [], topDict: { FDArray: [{ Private: {} }, { Private: { Subrs: [{}] } }] } })).toBe(false);
  });
});
