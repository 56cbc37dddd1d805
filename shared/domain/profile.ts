import { z } from 'zod';
import { count, id, requiredText, text } from '../api/fields.ts';

// 部门概况 of one year: duties, 机构设置 (internal offices; the independent bodies are the units),
// staffing, and the 总体工作目标.
export const Profile = z.object({
  yearId: id('年度'),
  duties: z.array(requiredText('主要职责条目', 1000)).max(100, { error: '主要职责最多 100 条' }),
  internalOffices: z.array(requiredText('内设科室名称', 100)).max(200, { error: '内设科室最多 200 个' }),
  staffAuthorized: count('编制人数').nullable(),
  staffActual: count('实有人数').nullable(),
  overallGoal: text('总体工作目标', 5000),
});
export type Profile = z.infer<typeof Profile>;
