import { describe, expect, it } from 'vitest';
import { buildReportModel, type ReportBlock } from '../../../shared/report/build-report-model.ts';
import { AppError } from '../../../shared/api/app-error.ts';
import { reportInputSchema } from '../../../shared/report/input.ts';
import { validateReportInput } from '../../../shared/report/validate-input.ts';
import { exampleInput } from './example-input.ts';

const headings = (blocks: ReportBlock[]) =>
  blocks.flatMap((b) => (b.kind === 'heading' ? [`${b.number}${b.text}`] : []));
const paragraphs = (blocks: ReportBlock[]) => blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []));

describe('buildReportModel', () => {
  const model = buildReportModel(exampleInput);

  it('orders the sections as the model report does and numbers them', () => {
    const h = headings(model.blocks);
    const top = h.filter((x) => /^[一二三四五六七八九十]+、/.test(x));
    expect(top).toEqual(['一、基本情况', '二、综合评价分析', '三、存在的主要问题', '四、下一步改进措施']);
    expect(h.slice(0, 9)).toEqual([
      '一、基本情况',
      '（一）部门概况',
      '1.部门主要职责',
      '2.机构设置',
      '（二）年度总体工作和重点工作任务',
      '1.总体工作目标',
      '2.主要工作情况及成效',
      '（1）服务决策，提升办文办会和督查质效',
      '（2）统筹协调，推进城市运行精细化管理',
    ]);
    expect(h).toContain('（三）部门整体收支情况');
    expect(h).toContain('（四）部门整体绩效管理情况');
    expect(h).toContain('（一）部门整体支出绩效自评综述');
    expect(h).toContain('（二）工作任务绩效目标完成情况');
  });

  it('ends the body with the annex note and the signature, then the annex tables', () => {
    const kinds = model.blocks.map((b) => b.kind);
    const sig = kinds.indexOf('signature');
    expect(kinds[sig - 1]).toBe('annexNote');
    expect(kinds.slice(sig + 1)).toEqual(['annex', 'annex', 'annex']);
    const annexes = model.blocks.flatMap((b) => (b.kind === 'annex' ? [`${b.label} ${b.table.title}`] : []));
    expect(annexes).toEqual(['附件1 部门整体支出绩效自评表', '附件2 部门整体预算执行情况表', '附件3 重点工作任务绩效指标完成情况表']);
  });

  it('prints the generated score breakdown with its deductions', () => {
    const p = paragraphs(model.blocks);
    expect(p).toContain(
      '1.管理效能方面，总分 45 分。其中，资金管理 15.26 分、采购管理 1.95 分、信息公开管理 4 分、资产管理 4 分、成本管理 4 分、绩效管理 15 分，本项得分 44.21 分，扣分原因为预算执行率和政府采购执行率未达 100%，分别扣 0.74 分和 0.05 分；',
    );
    expect(p.find((x) => x.startsWith('2.履职效能方面'))).toContain('本项得满分');
    expect(p.join('')).toContain('部门整体支出绩效自评分数为 94.21 分');
  });

  it('substitutes placeholders and generates the 机构设置 and task paragraphs', () => {
    const p = paragraphs(model.blocks).join('\n');
    expect(p).toContain('本年度财政下达预算收入 3982.33 万元');
    expect(p).toContain('基本支出 3260.92 万元，项目支出 491.71 万元');
    expect(p).toContain('共有独立编制机构 2 个，其中行政单位 1 个、事业单位 1 个。内设机构 8 个');
    expect(p).toContain('1.服务决策，提升办文办会和督查质效。一是做好办文办会服务，全年共收编号文件 21609 份');
    expect(p).not.toContain('{{');
    expect(model.issues).toEqual([]);
  });

  it('reports unknown placeholders with their section and leaves them visible', () => {
    const m = buildReportModel({
      ...exampleInput,
      narratives: { ...exampleInput.narratives, problems: '预算调整率为 {{budget.adjust_rate}}。' },
    });
    expect(m.issues).toEqual([{ section: '存在的主要问题', key: 'budget.adjust_rate' }]);
    expect(paragraphs(m.blocks)).toContain('预算调整率为 {{budget.adjust_rate}}。');
  });

  it('dates the document from the signature date, or 1 January of the next year', () => {
    expect(model.documentDate).toBe('2022-03-15');
    const undated = buildReportModel({ ...exampleInput, signature: { ...exampleInput.signature, reportDate: null } });
    expect(undated.documentDate).toBe('2022-01-01');
    const sig = undated.blocks.find((b) => b.kind === 'signature');
    expect(sig?.kind === 'signature' && sig.signature.date).toBe('\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日');
  });
});

describe('reportInputSchema', () => {
  it('accepts the example', () => {
    expect(reportInputSchema.safeParse(exampleInput).success).toBe(true);
  });

  it('rejects figures that do not add up, saying which in Chinese', () => {
    const bad = structuredClone(exampleInput);
    bad.budget.finalFen += 1;
    bad.scoreSheet.groups[0]!.children[0]!.deductionCenti = 0;
    const r = reportInputSchema.safeParse(bad);
    expect(r.success).toBe(false);
    const messages = r.success ? [] : r.error.issues.map((i) => i.message);
    expect(messages).toContain('调整后预算数应等于年初预算数加调整数');
    expect(messages).toContain('指标“资金管理”扣分应等于分值减得分');
  });

  it('rejects an amount that is not whole fen', () => {
    const bad = structuredClone(exampleInput);
    bad.budget.actualFen = 3752.5;
    expect(reportInputSchema.safeParse(bad).success).toBe(false);
  });
});

describe('validateReportInput', () => {
  it('returns valid input and throws a VALIDATION AppError naming the place otherwise', () => {
    expect(validateReportInput(exampleInput).year).toBe(2021);
    const bad = structuredClone(exampleInput);
    bad.budget.personnelFen += 1;
    expect(() => validateReportInput(bad)).toThrow(/人员经费、公用经费、项目支出与未分类支出之和应等于全年支出（位置：budget\.actualFen）/);
    try {
      validateReportInput(bad);
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('VALIDATION');
    }
  });
});
