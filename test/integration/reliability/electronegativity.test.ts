import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  evaluateFindings,
  type Finding,
  formatGateReport,
  gatePassed,
  runElectronegativityGate,
  scanWithElectronegativity,
} from '../../../scripts/electronegativity-gate.ts';
import { removeTempDirs, tempDir } from './fixtures/databases.ts';

// The Electronegativity gate over electron/shell, run offline (it prints connectivity warnings and
// still runs every check), and proof that it fails on a badly configured window.

afterAll(removeTempDirs);

const finding = (over: Partial<Finding>): Finding => ({
  id: 'X_CHECK',
  file: 'main.ts',
  line: 1,
  column: 0,
  severity: 'MEDIUM',
  confidence: 'FIRM',
  description: '',
  source: '',
  ...over,
});

describe('electronegativity gate', () => {
  it('passes on electron/shell: no finding outside the allowlist and no HIGH finding left standing', async () => {
    const result = await runElectronegativityGate();
    const report = formatGateReport(result);
    expect(result.rejected, report).toEqual([]);
    expect(result.unresolvedHigh, report).toEqual([]);
    expect(result.verificationFailures, report).toEqual([]);
    expect(result.parseErrors, report).toEqual([]);
    expect(gatePassed(result)).toBe(true);
  }, 120_000);

  it('fails on a window that turns off isolation, even in a file named like an allowlisted one', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'main.ts'),
      [
        "import { BrowserWindow } from 'electron';",
        'const win = new BrowserWindow({',
        '  webPreferences: { contextIsolation: false, sandbox: false, nodeIntegration: true, webSecurity: false },',
        '});',
        "win.loadURL('http://example.com/');",
      ].join('\n'),
    );
    const { findings } = await scanWithElectronegativity(dir);
    const result = evaluateFindings(findings);
    expect(gatePassed(result)).toBe(false);
    expect(result.rejected.map((f) => f.id)).toContain('WEB_SECURITY_JS_CHECK');
    expect(result.verificationFailures.some((v) => v.startsWith('CONTEXT_ISOLATION_JS_CHECK'))).toBe(true);
    expect(result.unresolvedHigh.map((f) => f.id)).toContain('CONTEXT_ISOLATION_JS_CHECK');
  }, 120_000);

  it('rejects unknown findings and HIGH findings whose entry has no passing check', () => {
    const allow = [
      { check: 'A_CHECK', file: 'main.ts', why: 'reviewed' },
      { check: 'B_CHECK', file: 'main.ts', why: 'checked', verify: (line: string) => (line.includes('ok') ? null : 'not ok') },
    ];
    const r = evaluateFindings(
      [
        finding({ id: 'A_CHECK', severity: 'HIGH' }),
        finding({ id: 'B_CHECK', severity: 'HIGH', source: 'ok' }),
        finding({ id: 'B_CHECK', severity: 'LOW', source: 'changed' }),
        finding({ id: 'C_CHECK' }),
      ],
      allow,
    );
    expect(r.rejected.map((f) => f.id)).toEqual(['C_CHECK']);
    expect(r.unresolvedHigh.map((f) => f.id)).toEqual(['A_CHECK']);
    expect(r.verificationFailures).toEqual(['B_CHECK@main.ts:1: not ok']);
    expect(gatePassed(evaluateFindings([finding({ id: 'B_CHECK', severity: 'HIGH', source: 'ok' })], allow))).toBe(true);
  });
});
