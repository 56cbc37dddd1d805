import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as fontkit from 'fontkit';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeLineMetrics, readHheaMetrics } from '../../../electron/export/pdf/font-metrics.ts';
import { FACES, type FaceId, type FontSet, defaultFontDir, loadFontSet } from '../../../electron/export/pdf/font-registry.ts';
import { splitRuns, uncoveredCharacters } from '../../../electron/export/pdf/font-runs.ts';
import { buildReportModel } from '../../../shared/report/build-report-model.ts';
import { fieldText } from '../../../shared/report/signature-block.ts';
import { formatCellText } from '../../../shared/report/table-model.ts';
import { exampleInput } from '../../unit/report/example-input.ts';

let fonts: FontSet;
beforeAll(async () => {
  fonts = await loadFontSet();
});

describe('font files', () => {
  it('ships every face as TTF/OTF, with a licence file, under 60 MB in total', () => {
    let total = 0;
    for (const file of Object.values(FACES)) {
      const buf = readFileSync(path.join(defaultFontDir(), file));
      expect([0x00010000, 0x4f54544f]).toContain(buf.readUInt32BE(0));
      total += buf.length;
    }
    expect(total).toBeLessThan(60 * 1024 * 1024);
    for (const lic of ['Fandol-COPYING-GPL-3.0.txt', 'Fandol-README.txt', 'NotoSerifSC-OFL.txt', 'NotoSansSC-OFL.txt']) {
      expect(readFileSync(path.join(defaultFontDir(), 'licenses', lic), 'utf8').length).toBeGreaterThan(100);
    }
  });

  it('gives every loaded face the same 1 em line box (880/−120)', () => {
    for (const id of Object.keys(FACES) as FaceId[]) {
      const f = fonts.faces[id].font;
      expect([f.ascent, f.descent, f.lineGap], id).toEqual([880, -120, 0]);
    }
  });

  it('corrects a positive hhea descender such as FandolSong-Regular ships', () => {
    const buf = Buffer.from(readFileSync(path.join(defaultFontDir(), FACES.songBold)));
    // Reproduce FandolSong-Regular's defect on a copy: hhea.descender = +200.
    const numTables = buf.readUInt16BE(4);
    for (let i = 0; i < numTables; i++) {
      const rec = 12 + i * 16;
      if (buf.toString('latin1', rec, rec + 4) === 'hhea') buf.writeInt16BE(200, buf.readUInt32BE(rec + 8) + 6);
    }
    expect(readHheaMetrics(buf).descender).toBe(200);
    normalizeLineMetrics(buf);
    expect(readHheaMetrics(buf)).toEqual({ ascender: 880, descender: -120, lineGap: 0 });
    expect(fontkit.create(buf).descent).toBe(-120);
  });

  it('refuses a woff2 file, which would embed as blank glyphs', () => {
    const woff2 = Buffer.concat([Buffer.from('wOF2'), Buffer.alloc(64)]);
    expect(() => normalizeLineMetrics(woff2, 'x.woff2')).toThrow(/woff/);
  });

  it('says which file is missing', async () => {
    await expect(loadFontSet('/nonexistent-font-dir')).rejects.toThrow(/无法读取报告字体文件：\/nonexistent-font-dir\/Fandol/);
  });
});

describe('fallback for characters Fandol lacks', () => {
  it('sends characters outside the primary face to its fallback', () => {
    const covers = fonts.covers.bind(fonts);
    expect(splitRuns('填报人：陈镕', 'fang', covers)).toEqual([
      { text: '填报人：陈', face: 'fang' },
      { text: '镕', face: 'serif' },
    ]);
    expect(splitRuns('堃', 'hei', covers)).toEqual([{ text: '堃', face: 'sans' }]);
    expect(uncoveredCharacters('𠮷', 'fang', covers)).toEqual(['𠮷']);
  });

  it('can print every character of the example report', () => {
    const model = buildReportModel(exampleInput);
    const texts: string[] = [];
    for (const b of model.blocks) {
      if (b.kind === 'title') texts.push(...b.lines);
      else if (b.kind === 'heading') texts.push(b.number + b.text);
      else if (b.kind === 'paragraph') texts.push(b.text);
      else if (b.kind === 'annexNote') texts.push(...b.items);
      else if (b.kind === 'signature') texts.push(b.signature.unit, b.signature.date, ...b.signature.rows.flat().map(fieldText));
      else if (b.kind === 'projectEvalAnnex') texts.push(b.label, b.grid.title, b.grid.subtitle, ...b.grid.cells.map((c) => c.text));
      else texts.push(b.table.title, ...b.table.columns.map((c) => c.header), ...b.table.rows.flatMap((r) => r.cells.map(formatCellText)));
    }
    const covers = fonts.covers.bind(fonts);
    for (const face of ['fang', 'hei', 'kai', 'songBold'] as const) {
      expect(uncoveredCharacters(texts.join(''), face, covers), face).toEqual([]);
    }
  });
});
