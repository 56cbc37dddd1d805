import { describe, expect, it } from 'vitest';
import { CHECK_DEFINITIONS } from '../../../shared/checks/definitions.ts';
import { renderMessage } from '../../../shared/checks/render-message.ts';
import { definitionInfos, evaluateChecks, explainedFindings } from '../../../shared/checks/run-checks.ts';
import { cleanInput } from './clean-input.ts';

function inputWithTwoFindings() {
  const i = cleanInput();
  i.outsideYear = [{ period: '2022-01', count: 1, amountFen: 100 }]; // mandatory
  i.unmatched = [{ unitId: 1, unitName: '本级', noMatchCount: 1, noMatchFen: 100, ambiguousCount: 0, ambiguousFen: 0, linkableCount: 0, linkableFen: 0 }];
  return i;
}

describe('evaluateChecks', () => {
  it('attaches explanations by check and subject, and keeps the ones that no longer fire apart', () => {
    const explanations = [
      { checkId: 'link.unmatched', subjectKey: 'unit:1', explanation: '上级转拨资金，无本级指标。', updatedAt: '2022-01-10T00:00:00.000Z' },
      { checkId: 'budget.unspent', subjectKey: 'line:9', explanation: '已撤销。', updatedAt: '2022-01-09T00:00:00.000Z' },
    ];
    const out = evaluateChecks(inputWithTwoFindings(), explanations);
    expect(out.findings.map((f) => [f.checkId, f.severity, f.explanation])).toEqual([
      ['period.outside-year', 'mandatory', null],
      ['link.unmatched', 'advisory', '上级转拨资金，无本级指标。'],
    ]);
    expect(out.summary).toEqual({ mandatory: 1, advisory: 1, advisoryExplained: 1, advisoryUnexplained: 0, canFinalize: false });
    expect(out.staleExplanations.map((e) => e.subjectKey)).toEqual(['line:9']);
    expect(explainedFindings(out.findings).map((f) => f.checkId)).toEqual(['link.unmatched']);
  });

  it('can finalize only without mandatory findings and with every advisory explained', () => {
    const i = inputWithTwoFindings();
    i.outsideYear = [];
    expect(evaluateChecks(i).summary.canFinalize).toBe(false);
    expect(
      evaluateChecks(i, [{ checkId: 'link.unmatched', subjectKey: 'unit:1', explanation: '说明', updatedAt: 'x' }]).summary.canFinalize,
    ).toBe(true);
    expect(evaluateChecks(cleanInput()).summary.canFinalize).toBe(true);
  });
});

describe('check definitions', () => {
  it('have unique ids, a known severity and Chinese texts', () => {
    const ids = CHECK_DEFINITIONS.map((d) => d.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const d of CHECK_DEFINITIONS) {
      expect(['mandatory', 'advisory']).toContain(d.severity);
      expect(d.title).toMatch(/[\u4e00-\u9fff]/);
      expect(d.template).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(definitionInfos().map((d) => d.id)).toEqual(ids);
    // The categories the 审核 must cover.
    expect(ids).toEqual(
      expect.arrayContaining(['sum.parts', 'execution.over', 'link.unmatched', 'budget.unspent', 'balance.negative-line', 'codes.invalid', 'period.outside-year', 'yoy.change']),
    );
  });

  it('render placeholders and leave unknown ones visible', () => {
    expect(renderMessage('{a}与{b}，{c}', { a: '甲', b: '乙' })).toBe('甲与乙，{c}');
  });
});
