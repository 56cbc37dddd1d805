import { describe, expect, it } from 'vitest';
import { defaultSelfName, selfNameOf } from '../../../shared/domain/self-reference.ts';

describe('a department names itself by the last word of its name', () => {
  it.each([
    ['某县财政局', '我局'],
    ['广州市番禺区人民政府办公室', '我办'],
    ['某区融媒体中心', '我中心'],
    ['某市发展和改革委员会', '我委'],
    ['某县人民检察院', '我院'],
    ['某市图书馆', '我馆'],
    ['某区疾病预防控制所', '我所'],
    ['某县农业技术推广站', '我站'],
    ['某县综合行政执法大队', '我队'],
    ['某县财政局（本级）', '我局'],
    ['某县供销合作社', '我单位'],
  ])('%s → %s', (name, self) => {
    expect(defaultSelfName(name)).toBe(self);
  });

  it('uses the self-reference the user set, else the derived one', () => {
    expect(selfNameOf({ name: '某区融媒体中心', selfName: '我台' })).toBe('我台');
    expect(selfNameOf({ name: '某区融媒体中心', selfName: '  ' })).toBe('我中心');
    expect(selfNameOf(null)).toBe('我单位');
  });
});
