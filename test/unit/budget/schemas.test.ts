import { describe, expect, it } from 'vitest';
import { DrillFilter, ExecutionTargetsInput, TransactionQuery } from '../../../shared/budget/schemas.ts';

const targets = (bps: number[]) => ({ yearId: 1, targets: bps.map((targetBp, i) => ({ quarter: i + 1, targetBp })) });

describe('budget schemas', () => {
  it('accepts non-decreasing quarter targets and refuses the rest in Chinese', () => {
    expect(ExecutionTargetsInput.safeParse(targets([2500, 5000, 7500, 10000])).success).toBe(true);
    const down = ExecutionTargetsInput.safeParse(targets([3000, 2000, 7500, 10000]));
    expect(down.error?.issues[0]?.message).toBe('第 2 季度的累计进度目标不能低于第 1 季度');
    expect(ExecutionTargetsInput.safeParse(targets([2500, 5000, 7500])).error?.issues[0]?.message).toBe('需要填写 4 个季度的进度目标');
    expect(ExecutionTargetsInput.safeParse(targets([2500, 5000, 7500, 10001])).error?.issues[0]?.message).toBe('进度目标不能超过 100%');
    const dup = ExecutionTargetsInput.safeParse({ yearId: 1, targets: [1, 1, 3, 4].map((quarter) => ({ quarter, targetBp: 5000 })) });
    expect(dup.error?.issues[0]?.message).toBe('进度目标必须是第 1 至第 4 季度各一个');
  });

  it('pages with defaults, caps the page, and refuses unknown filter fields', () => {
    expect(TransactionQuery.parse({ yearId: 3 })).toEqual({ yearId: 3, offset: 0, limit: 100 });
    expect(TransactionQuery.safeParse({ yearId: 3, limit: 5000 }).error?.issues[0]?.message).toBe('每页行数不能超过 1000');
    expect(DrillFilter.safeParse({ econPrefix: '30a' }).error?.issues[0]?.message).toBe('经济分类编码应为 1 至 7 位数字');
    expect(DrillFilter.safeParse({ colour: 'red' }).success).toBe(false);
    expect(DrillFilter.parse({ category: 'basic', projectId: null })).toEqual({ category: 'basic', projectId: null });
  });
});
