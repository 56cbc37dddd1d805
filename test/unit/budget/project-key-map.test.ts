import { describe, expect, it } from 'vitest';
import { lastYearProjectKeys, rekey } from '../../../shared/budget/project-key-map.ts';

describe('last year project keys', () => {
  it('matches by code first, else by name; an ended project keeps its own key', () => {
    const map = lastYearProjectKeys(
      [
        { id: 10, code: 'XM-01', name: '系统运维（新名称）' },
        { id: 11, code: '', name: '热线运营' },
      ],
      [
        { id: 1, code: 'XM-01', name: '系统运维' },
        { id: 2, code: 'XM-09', name: '热线运营' },
        { id: 3, code: '', name: '已结束项目' },
      ],
    );
    expect(Object.fromEntries(map)).toEqual({ '0': '0', '1': '10', '2': '11', '3': 'ly:3' });
  });

  it('adds up rows that land on one key', () => {
    const rows = rekey(
      [
        { key: '1', n: 2 },
        { key: '2', n: 3 },
        { key: '9', n: 1 },
      ],
      new Map([
        ['1', 'a'],
        ['2', 'a'],
      ]),
      (x, y) => ({ key: x.key, n: x.n + y.n }),
    );
    expect(rows).toEqual([
      { key: 'a', n: 5 },
      { key: '9', n: 1 },
    ]);
  });
});
