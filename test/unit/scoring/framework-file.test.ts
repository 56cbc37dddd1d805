import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFrameworkDoc, parseFrameworkFile, serializeFrameworkFile } from '../../../shared/scoring/framework-file.ts';
import { docToNodes, nodesToDoc } from '../../../shared/scoring/framework-tree.ts';
import { validateFramework } from '../../../shared/scoring/validate-framework.ts';

const DEFAULT_FILE = new URL('../../../resources/frameworks/default.json', import.meta.url);

function fileWith(indicators: unknown): string {
  return JSON.stringify({ format: 'selfeval-framework', formatVersion: 1, name: '测试', indicators });
}

describe('the default framework file', () => {
  const parsed = parseFrameworkFile(readFileSync(DEFAULT_FILE, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const nodes = docToNodes(parsed.doc);
  const weightOf = (name: string) => nodes.find((n) => n.name === name)?.weightCenti;

  it('has the reconstructed blocks and 二级 maxima (domain-notes §1.2)', () => {
    const top = nodes.filter((n) => n.level === 1).map((n) => [n.name, n.weightCenti, n.selfScored]);
    expect(top).toEqual([
      ['管理效能', 4500, true],
      ['履职效能', 5000, true],
      ['其他评价（不自评）', 500, false],
    ]);
    expect(['资金管理', '采购管理', '信息公开管理', '资产管理', '成本管理', '绩效管理'].map(weightOf)).toEqual([
      1600, 200, 400, 400, 400, 1500,
    ]);
  });

  it('weights 预算执行率 12.8 with the 正向 rule from 预算执行, and 政府采购执行率 2 from the procurement plan', () => {
    const exec = nodes.find((n) => n.name === '预算执行率')!;
    expect([exec.weightCenti, exec.rule, exec.valueSource]).toEqual([
      1280,
      { type: 'positive', target: '100', unit: '%' },
      'budget_execution',
    ]);
    const proc = nodes.find((n) => n.name === '政府采购执行率')!;
    expect([proc.weightCenti, proc.rule?.type, proc.valueSource]).toEqual([200, 'positive', 'procurement']);
  });

  it('passes every structural check', () => {
    expect(validateFramework(nodes)).toEqual([]);
  });

  it('round-trips through rows and back', () => {
    const again = parseFrameworkFile(serializeFrameworkFile(nodesToDoc(parsed.doc, nodes)));
    expect(again).toEqual({ ok: true, doc: parsed.doc });
  });
});

describe('parseFrameworkFile', () => {
  it('rejects text that is not JSON', () => {
    const r = parseFrameworkFile('{ 不是 json');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^文件不是有效的 JSON/);
  });

  it('rejects a file that is not a framework file', () => {
    const r = parseFrameworkFile(JSON.stringify({ format: 'other', formatVersion: 1, name: 'x', indicators: [] }));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toContain('format：不是本程序的指标体系文件（format 应为 selfeval-framework）');
  });

  it('names the indicator where a field is wrong', () => {
    const r = parseFrameworkFile(
      fileWith([{ code: '1', name: '管理效能', weight: 10, children: [{ code: '1.1', name: '资金管理', weight: 10.123 }] }]),
    );
    expect(r).toEqual({
      ok: false,
      errors: ['一级指标第 1 项（管理效能） › 第 2 级第 1 项（资金管理） › weight：权重最多保留两位小数'],
    });
  });

  it('reports weights that do not add up, a fourth level, duplicate codes and rules on parents', () => {
    const r = parseFrameworkFile(
      fileWith([
        {
          code: '1',
          name: '甲',
          weight: 10,
          rule: { type: 'manual' },
          children: [
            {
              code: '1.1',
              name: '乙',
              weight: 4,
              children: [{ code: '1.1.1', name: '丙', weight: 4, children: [{ code: '1.1.1.1', name: '丁', weight: 4, rule: { type: 'manual' } }] }],
            },
            { code: '1.1', name: '戊', weight: 5, rule: { type: 'qualitative' }, valueSource: 'procurement' },
          ],
        },
      ]),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      '指标 1（甲）有下级指标，得分按下级合计，不能再设置评分规则',
      '指标 1（甲）的下级指标权重合计 9 分，与本级权重 10 分不一致',
      '指标 1.1.1.1（丁）位于第 4 级，指标体系最多三级',
      '指标编号 1.1 重复（“乙”与“戊”）',
      '指标 1.1（戊）的取值来源为“来自政府采购计划”，只能用于正向、等于、反向或按百分点扣分的规则',
    ]);
  });

  it('reports an unknown rule type in Chinese', () => {
    const r = parseFrameworkFile(fileWith([{ code: '1', name: '甲', weight: 5, rule: { type: 'magic' } }]));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatch(/^一级指标第 1 项（甲） › rule › type：/);
  });

  it('accepts a bare document from the editor and gives leaves a manual rule by default', () => {
    const r = parseFrameworkDoc({ name: '简表', indicators: [{ code: 'A', name: '综合', weight: 100 }] });
    expect(r.ok).toBe(true);
    if (r.ok) expect(docToNodes(r.doc)[0]!.rule).toEqual({ type: 'manual' });
  });
});
