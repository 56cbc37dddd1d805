import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  deleteCheckExplanation,
  explainedFindingsForExport,
  runChecks,
  setCheckExplanation,
} from '../../../electron/services/checks-service.ts';
import { linkTransactions, saveExecutionTargets } from '../../../electron/services/execution-service.ts';
import { CheckRun } from '../../../shared/checks/schemas.ts';
import { buildExample, type Example } from './build-example.ts';

let ex: Example;
beforeEach(() => {
  ex = buildExample({ withPreviousYear: true });
  linkTransactions(ex.db, { yearId: ex.current.yearId });
  linkTransactions(ex.db, { yearId: ex.previous!.yearId });
});
afterEach(() => ex.db.close());

const run = () => runChecks(ex.db, { yearId: ex.current.yearId });
const keys = (r: CheckRun) => r.findings.map((f) => `${f.checkId} ${f.subjectKey}`);

function insertLine(over: Record<string, unknown>): void {
  const row = {
    year_id: ex.current.yearId,
    unit_id: ex.unitIds.main,
    funding_source: 'general_budget',
    category: 'public',
    func_code: '2010301',
    econ_code: '30201',
    initial_fen: 1000,
    ...over,
  };
  const cols = Object.keys(row);
  ex.db.prepare(`INSERT INTO budget_line (${cols.join(', ')}) VALUES (${cols.map((c) => `@${c}`).join(', ')})`).run(row);
}

function insertTxn(over: Record<string, unknown>): number {
  const row = {
    year_id: ex.current.yearId,
    unit_id: ex.unitIds.main,
    txn_date: '2021-06-30',
    funding_source: 'general_budget',
    category: 'public',
    func_code: '2010301',
    econ_code: '30201',
    direction: 'out',
    amount_fen: 100,
    ...over,
  };
  const cols = Object.keys(row);
  return Number(ex.db.prepare(`INSERT INTO ledger_txn (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...Object.values(row)).lastInsertRowid);
}

describe('审核 on the example year', () => {
  it('finds only the quarterly progress gaps and last year’s two large changes', () => {
    const r = run();
    expect(CheckRun.parse(r)).toEqual(r);
    expect(keys(r)).toEqual([
      'execution.progress quarter:1',
      'execution.progress quarter:2',
      'execution.progress quarter:3',
      'execution.progress quarter:4',
      'yoy.change category:project',
      'yoy.change econ:310',
    ]);
    // The example year set no quarter targets: the finding names the default pace as a default.
    expect(r.findings[3]!.message).toBe(
      '第 4 季度末累计支出 37,526,300.00 元（执行率 94.23%），低于均衡进度 100.00%（39,823,300.00 元，系统默认值，本年度未设定季度进度目标），差 2,297,000.00 元。',
    );
    expect(r.findings[4]!.message).toBe('项目支出：本年支出 4,917,100.00 元，2020 年 3,500,000.00 元，增加 1,417,100.00 元（变动 40.49%）。');
    expect(r.findings[5]!.jump).toEqual({ kind: 'page', page: 'transactions', filter: { econPrefix: '310', direction: 'out' } });
    expect(r.summary).toEqual({ mandatory: 0, advisory: 6, advisoryExplained: 0, advisoryUnexplained: 6, canFinalize: false });
  });

  it('names a quarter target the office saved as its 进度目标', () => {
    saveExecutionTargets(ex.db, { yearId: ex.current.yearId, targets: [3000, 5000, 7500, 10000].map((targetBp, i) => ({ quarter: i + 1, targetBp })) });
    const message = run().findings[0]!.message;
    expect(message).toMatch(/^第 1 季度末累计支出 [\d,.]+ 元（执行率 [\d.]+%），低于进度目标 30\.00%（11,946,990\.00 元），差 [\d,.]+ 元。$/);
    expect(message).not.toContain('默认');
  });

  it('keeps an explanation beside its finding, returns it for export, and finalizes once all are explained', () => {
    for (const f of run().findings) {
      setCheckExplanation(ex.db, { yearId: ex.current.yearId, checkId: f.checkId, subjectKey: f.subjectKey, explanation: `说明：${f.subjectKey}` });
    }
    const r = run();
    expect(r.summary.canFinalize).toBe(true);
    expect(r.findings.every((f) => f.explanation === `说明：${f.subjectKey}` && f.explanationUpdatedAt !== null)).toBe(true);
    const exported = explainedFindingsForExport(ex.db, { yearId: ex.current.yearId });
    expect(exported.map((f) => [f.checkId, f.explanation])).toEqual(r.findings.map((f) => [f.checkId, f.explanation]));

    // Meeting the progress targets retires those findings; their explanations are kept, not exported.
    saveExecutionTargets(ex.db, { yearId: ex.current.yearId, targets: [2000, 4500, 7000, 9000].map((targetBp, i) => ({ quarter: i + 1, targetBp })) });
    const after = run();
    expect(keys(after)).toEqual(['yoy.change category:project', 'yoy.change econ:310']);
    expect(after.staleExplanations.map((e) => e.subjectKey)).toEqual(['quarter:1', 'quarter:2', 'quarter:3', 'quarter:4']);
    expect(explainedFindingsForExport(ex.db, { yearId: ex.current.yearId })).toHaveLength(2);
  });

  it('updates and deletes explanations with an audit trail, and refuses them for 强制 checks or a final year', () => {
    const base = { yearId: ex.current.yearId, checkId: 'yoy.change', subjectKey: 'econ:310' };
    setCheckExplanation(ex.db, { ...base, explanation: '新增信息化设备购置。' });
    expect(setCheckExplanation(ex.db, { ...base, explanation: '  新增政务系统设备购置。 ' }).explanation).toBe('新增政务系统设备购置。');
    expect(run().findings.find((f) => f.subjectKey === 'econ:310')!.explanation).toBe('新增政务系统设备购置。');
    expect(() => setCheckExplanation(ex.db, { ...base, explanation: '   ' })).toThrow('出错说明不能为空');
    expect(() => setCheckExplanation(ex.db, { ...base, checkId: 'period.outside-year', explanation: '说明' })).toThrow('是强制性审核，必须改正数据');
    expect(() => setCheckExplanation(ex.db, { ...base, checkId: 'no.such', explanation: '说明' })).toThrow('没有编号为“no.such”的审核规则');
    deleteCheckExplanation(ex.db, base);
    expect(() => deleteCheckExplanation(ex.db, base)).toThrow('该出错说明不存在');
    const actions = ex.db.prepare("SELECT action FROM audit_log WHERE entity = 'check_explanation' ORDER BY id").all() as Array<{ action: string }>;
    expect(actions.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
    ex.db.prepare("UPDATE fiscal_year SET status = 'final' WHERE id = ?").run(ex.current.yearId);
    expect(() => setCheckExplanation(ex.db, { ...base, explanation: '说明' })).toThrow('已定稿');
  });
});

describe('审核 findings from data problems', () => {
  it('blocks on spending dated outside the year, with a jump to those rows', () => {
    insertTxn({ txn_date: '2020-12-31', amount_fen: 5000 });
    const r = run();
    const f = r.findings.find((x) => x.checkId === 'period.outside-year')!;
    expect(f).toMatchObject({ severity: 'mandatory', subjectKey: 'period:2020-12', jump: { kind: 'page', page: 'transactions', filter: { period: '2020-12' } } });
    expect(f.message).toBe('有 1 笔支出日期在 2020-12，不属于 2021 年度，合计 50.00 元。请改正日期或删除这些记录。');
    expect(r.summary.canFinalize).toBe(false);
    expect(r.summary.mandatory).toBe(1);
  });

  it('checks codes against the shipped code lists', () => {
    insertTxn({ econ_code: '39901', amount_fen: 100 }); // class 399 known, item not listed
    insertTxn({ econ_code: '30801', amount_fen: 200 }); // class 308 is not in the list either: still only a 提示
    insertTxn({ econ_code: '30801', amount_fen: 250 });
    insertTxn({ econ_code: '3011', amount_fen: 50 }); // malformed: the one kind of code called wrong
    insertTxn({ econ_code: '98801', amount_fen: 60 }); // no 经济分类 类 starts with 9
    insertTxn({ func_code: '', amount_fen: 300 });
    const r = run();
    const got = r.findings.filter((f) => f.checkId.startsWith('codes.'));
    expect(got.map((f) => [f.checkId, f.subjectKey, f.severity])).toEqual([
      ['codes.invalid', 'ledger:econ:3011', 'mandatory'],
      ['codes.invalid', 'ledger:econ:98801', 'mandatory'],
      ['codes.unlisted', 'econ:30801', 'advisory'],
      ['codes.unlisted', 'econ:39901', 'advisory'],
      ['codes.missing', 'ledger:func:', 'advisory'],
    ]);
    expect(got[0]!.jump).toEqual({ kind: 'page', page: 'transactions', filter: { econCode: '3011' } });
    expect(got[1]!.message).toContain('编码“98801”无效（经济分类编码应以 3 或 5 开头）');
    const unknownClass = got[2]!;
    expect(unknownClass.message).toContain('编码“30801”不在科目表中（所属类级科目 308 也没有名称），涉及 2 条记录');
    expect(unknownClass.message).toContain('请在“科目代码”页填写它的名称');
    expect(unknownClass.jump).toEqual({ kind: 'page', page: 'codes', filter: { econCode: '30801' } });
  });

  it('never calls a code the office names in its own budget wrong, and prompts once per unnamed code', () => {
    insertLine({ econ_code: '39901', econ_name: '本单位自定义款' });
    insertTxn({ econ_code: '39901', amount_fen: 100 });
    insertTxn({ econ_code: '98801', amount_fen: 200 }); // unknown class, but named in the budget below
    insertLine({ econ_code: '98801', econ_name: '本地专项科目' });
    insertLine({ econ_code: '39902' });
    insertLine({ econ_code: '39902' });
    insertTxn({ econ_code: '39902', amount_fen: 300 });
    const got = run().findings.filter((f) => f.checkId.startsWith('codes.'));
    expect(got.map((f) => [f.checkId, f.subjectKey])).toEqual([['codes.unlisted', 'econ:39902']]);
    expect(got[0]!.message).toContain('预算指标和支出明细中的部门预算支出经济分类编码“39902”');
    expect(got[0]!.message).toContain('涉及 3 条记录');
  });

  it('reports unlinked spending per unit, lines without spending, over-spent lines and negative budgets', () => {
    insertTxn({ econ_code: '30205', amount_fen: 700 });
    const extra = Number(
      ex.db
        .prepare(
          "INSERT INTO budget_line (year_id, unit_id, funding_source, category, func_code, econ_code, econ_name, initial_fen, adjustment_fen) VALUES (?, ?, 'general_budget', 'public', '2010301', '30215', '会议费', 500000, -600000)",
        )
        .run(ex.current.yearId, ex.unitIds.main).lastInsertRowid,
    );
    const line = ex.current.lineIds[10]!; // 30231 公务用车, final 65.00 万, spent 58.60 万
    insertTxn({ econ_code: '30231', amount_fen: 10_000_000, budget_line_id: line });
    const r = run();
    expect(r.findings.find((f) => f.checkId === 'link.unmatched')).toMatchObject({
      subjectKey: `unit:${ex.unitIds.main}`,
      message: '示例区人民政府办公室（本级）有 1 笔支出（合计 7.00 元）未关联预算指标：1 笔找不到对应指标，0 笔对应多条指标，0 笔可自动关联（在“预算执行”页点“自动关联”）。',
      jump: { kind: 'page', page: 'transactions', filter: { unitId: ex.unitIds.main, unmatchedOnly: true, direction: 'out' } },
    });
    expect(r.findings.find((f) => f.checkId === 'budget.negative')).toMatchObject({ subjectKey: `line:${extra}`, jump: { kind: 'entity', entity: 'budget_line', id: extra } });
    expect(r.findings.find((f) => f.checkId === 'balance.negative-line')).toMatchObject({
      subjectKey: `line:${line}`,
      message: '预算指标“示例区人民政府办公室（本级） 基本支出·公用经费 30231 公务用车运行维护费”调整后预算 650,000.00 元，已关联支出 686,000.00 元，结余 -36,000.00 元。',
    });
    expect(r.findings.some((f) => f.checkId === 'budget.unspent' && f.subjectKey === `line:${extra}`)).toBe(false); // negative final: not "unspent"
  });

  it('flags a category that does not fit its economic class, and reversals exceeding spending', () => {
    insertTxn({ category: 'personnel', econ_code: '30201', amount_fen: 100 });
    insertTxn({ econ_code: '30202', amount_fen: -900 });
    const r = run();
    expect(r.findings.find((f) => f.checkId === 'category.econ-mismatch')!.subjectKey).toBe('ledger:personnel:302');
    expect(r.findings.find((f) => f.checkId === 'spending.negative')).toMatchObject({
      subjectKey: `unit:${ex.unitIds.main}|public|30202`,
      amountFen: -900,
    });
  });

  it('catches a rollup that no longer matches the ledger (the exact sums cross-check)', () => {
    const changed = ex.db
      .prepare("UPDATE ledger_rollup SET amount_fen = amount_fen + 1 WHERE year_id = ? AND line_key = ? AND period = '2021-01'")
      .run(ex.current.yearId, ex.current.lineIds[0]).changes;
    expect(changed).toBe(1);
    const sums = run().findings.filter((f) => f.checkId === 'sum.parts');
    expect(sums.length).toBeGreaterThan(0);
    expect(sums.every((f) => f.severity === 'mandatory' && f.message.includes('相差 0.01 元'))).toBe(true);
  });
});
