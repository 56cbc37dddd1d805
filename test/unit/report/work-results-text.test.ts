import { describe, expect, it } from 'vitest';
import { type ResultMeasure, type ResultTask, workResultsText } from '../../../shared/report/work-results-text.ts';

const m = (over: Partial<ResultMeasure>): ResultMeasure => ({ key: '', name: '办结工单', unit: '件', target: null, actual: null, direction: 'higher', ...over });
const task = (title: string, measures: ResultMeasure[], status: ResultTask['status'] = 'done'): ResultTask => ({ title, status, measures });
const one = (measure: Partial<ResultMeasure>) => workResultsText({ title: '热线服务', tasks: [task('工单办理', [m(measure)])] }, '我局');

describe('主要工作情况及成效 written from the key tasks', () => {
  it.each<[string, Partial<ResultMeasure>, string]>([
    ['an actual without target', { actual: '1200' }, '工单办理：办结工单1200件。'],
    ['a 正向 target exceeded', { actual: '1200', target: '1000' }, '工单办理：办结工单1200件（目标1000件），超额完成。'],
    ['a 正向 target met exactly', { actual: '1000', target: '1000' }, '工单办理：办结工单1000件（目标1000件），达到目标。'],
    ['a 正向 target missed', { actual: '950', target: '1000' }, '工单办理：办结工单950件（目标1000件），未达到目标。'],
    ['a rate against a rate target', { name: '按时办结率', unit: '%', actual: '98.6', target: '95' }, '工单办理：按时办结率98.6%（目标95%），超额完成。'],
    ['a 反向 target kept', { name: '平均办结时长', unit: '天', direction: 'lower', actual: '3.5', target: '5' }, '工单办理：平均办结时长3.5天（目标不超过5天），控制在目标以内。'],
    ['a 反向 target exceeded', { name: '平均办结时长', unit: '天', direction: 'lower', actual: '6', target: '5' }, '工单办理：平均办结时长6天（目标不超过5天），超出目标。'],
    ['an exact target hit', { name: '系统上线', unit: '个', direction: 'equal', actual: '1', target: '1' }, '工单办理：系统上线1个（目标1个），达到目标。'],
    ['an exact target missed', { name: '系统上线', unit: '个', direction: 'equal', actual: '2', target: '1' }, '工单办理：系统上线2个（目标1个），与目标不符。'],
    ['a target without actual', { target: '1000' }, '工单办理：办结工单目标1000件，实际完成值待补充。'],
    ['a figure with a 引用名 as its placeholder', { key: 'orders', actual: '1200', target: '1000' }, '工单办理：办结工单{{measure.orders}}件（目标{{measure.orders.target}}件），超额完成。'],
  ])('%s', (_name, measure, sentence) => {
    const text = one(measure);
    expect(text.startsWith('我局围绕热线服务确定重点工作任务一项，已完成。')).toBe(true);
    expect(text).toContain(sentence);
  });

  it('counts tasks by status, states the measured share, and uses the office’s self-reference', () => {
    const text = workResultsText(
      {
        title: '参谋辅政',
        tasks: [
          task('办文办会', [m({ name: '收编号文件', unit: '份', actual: '21609' }), m({ name: '发出文件', unit: '份', actual: '1258' })]),
          task('督查督办', [m({ name: '督办事项', unit: '项', actual: '380', target: '400' }), m({ name: '办结率', unit: '%', actual: '100', target: '95' })], 'partial'),
          task('政务公开', [], 'not_done'),
          task('综合文稿', []),
        ],
      },
      '我办',
    );
    expect(text).toBe(
      '我办围绕参谋辅政确定重点工作任务四项，完成两项，部分完成一项，未完成一项。' +
        '办文办会：收编号文件21609份，发出文件1258份。' +
        '督查督办（部分完成）：督办事项380项（目标400项），未达到目标；办结率100%（目标95%），超额完成。' +
        '政务公开未完成。综合文稿已按计划完成。' +
        '设定目标值的两项指标中，一项达到目标。',
    );
  });

  it('says every measured target was met when it was, and nothing for an area without tasks', () => {
    expect(one({ actual: '1200', target: '1000' })).toMatch(/设定目标值的一项指标达到目标。$/);
    const three = workResultsText({ title: '热线服务', tasks: [task('工单办理', [m({ actual: '2', target: '1' }), m({ actual: '3', target: '1' }), m({ actual: '4', target: '1' })])] }, '我局');
    expect(three).toMatch(/^我局围绕热线服务确定重点工作任务一项，已完成。.*设定目标值的三项指标均达到目标。$/);
    const none = workResultsText({ title: '热线服务', tasks: [task('工单办理', [m({ actual: '0', target: '1' })], 'not_done'), task('回访', [], 'not_done')] }, '我局');
    expect(none).toBe('我局围绕热线服务确定重点工作任务两项，未完成两项。工单办理（未完成）：办结工单0件（目标1件），未达到目标。回访未完成。设定目标值的一项指标未达到目标。');
    expect(workResultsText({ title: '空', tasks: [] }, '我局')).toBe('');
  });
});
