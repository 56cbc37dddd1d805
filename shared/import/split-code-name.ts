// Classification cells often carry the code and its name in one cell: "30201 办公费",
// "30201-办公费", "[2010301]行政运行", "50501 工资福利支出". The code is the leading digit run.

import { toParseText } from './normalize-text.ts';

export interface CodeName {
  code: string;
  name: string;
}

const CODE_FIRST = /^[[【(]?(\d(?:[\d.]*\d)?)[\]】)]?(?:\s*[-—_:：|]\s*|\s+|(?=[^\d.]))(.*)$/;

export function splitCodeName(raw: string): CodeName {
  const s = toParseText(raw);
  if (s === '') return { code: '', name: '' };
  if (/^\d(?:[\d.]*\d)?$/.test(s)) return { code: s, name: '' };
  const m = CODE_FIRST.exec(s);
  if (m) return { code: m[1] ?? '', name: (m[2] ?? '').trim() };
  return { code: '', name: s };
}
