import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkLayers, type SourceFile } from './layer-rules.ts';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function sources(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  for (const entry of readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !/\.(ts|tsx|mts|mjs)$/.test(entry.name) || entry.name.endsWith('.d.ts')) continue;
    const abs = join(entry.parentPath, entry.name);
    out.push({ path: relative(ROOT, abs).split(sep).join('/'), text: readFileSync(abs, 'utf8') });
  }
  return out;
}

describe('layers', () => {
  it('the source tree keeps every layer rule', () => {
    const files = [...sources('shared'), ...sources('renderer/src'), ...sources('electron')];
    expect(files.length).toBeGreaterThan(200);
    expect(checkLayers(files)).toEqual([]);
  });

  describe('the checker itself', () => {
    const one = (path: string, text: string) => checkLayers([{ path, text }]).map((v) => v.rule);

    it('finds a relative import from shared/ into electron/', () => {
      expect(one('shared/budget/x.ts', "import { openDatabase } from '../../electron/db/open.ts';")).toEqual(['shared/ imports only shared/ (and resources/ JSON data)']);
    });

    it('lets shared/ read shipped JSON data but no code outside shared/', () => {
      expect(one('shared/report/x.ts', "import o from '../../resources/outlines/hunan.json' with { type: 'json' };")).toEqual([]);
      expect(one('shared/report/x.ts', "import { x } from '../../resources/fonts/font-list.ts';")).toEqual([
        'shared/ imports only shared/ (and resources/ JSON data)',
      ]);
    });

    it('finds node: modules in shared/ and renderer/, and dynamic imports too', () => {
      expect(one('shared/a.ts', "import { readFileSync } from 'node:fs';")).toEqual(['shared/ is pure logic: no node: modules']);
      expect(one('renderer/src/a.tsx', "const m = await import('../../electron/services/dispatch.ts');")).toEqual([
        'renderer/ reaches only shared/ (and its own files)',
      ]);
      expect(one('renderer/src/a.ts', "import type { X } from '../../shared/api/contract.ts'; import { Button } from 'antd';")).toEqual([]);
    });

    it("finds 'electron' outside the shell and services imported by electron/db", () => {
      expect(one('electron/services/a.ts', "import { app } from 'electron';")).toEqual(["only electron/shell imports 'electron'"]);
      expect(one('electron/shell/a.ts', "import { app } from 'electron';")).toEqual([]);
      expect(one('electron/db/a.ts', "import { backupBefore } from '../services/backup-service.ts';")).toEqual(['electron/db never imports services']);
      expect(one('electron/shell/preload.ts', "import type { X } from '../../renderer/src/api/transport.ts';")).toEqual([
        'electron/ imports nothing from renderer/ (shared types live in shared/)',
      ]);
    });

    it('finds SQL outside electron/db/, in plain strings and templates, and allows it inside', () => {
      expect(one('electron/services/a.ts', "db.prepare('SELECT id FROM project WHERE year_id = ?')")).toEqual(['SQL only under electron/db/']);
      expect(one('electron/services/a.ts', 'db.prepare(`DELETE FROM $' + '{table} WHERE id = ?`)')).toEqual(['SQL only under electron/db/']);
      expect(one('electron/services/a.ts', "w.exec('BEGIN IMMEDIATE')")).toEqual(['SQL only under electron/db/']);
      expect(one('electron/db/repositories/a.ts', "db.prepare('SELECT id FROM project')")).toEqual([]);
      expect(one('electron/services/a.ts', "message('请选择要删除的项目：select from the list')")).toEqual([]);
    });
  });
});
