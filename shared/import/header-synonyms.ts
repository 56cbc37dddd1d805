// Header names seen in real exports (domain-notes §2.1–2.5), per field, best first. Matching works
// on headerKey() text; a header also matches after its bracketed note ("（支取）", "[ Transaction
// Type ]") or a trailing unit ("(元)") is removed.

import type { ImportField, ImportTarget } from './fields.ts';
import { headerKey } from './normalize-text.ts';

type SynonymTable = ReadonlyArray<readonly [ImportField, readonly string[]]>;

const SHARED: SynonymTable = [
  [
    'funcCode',
    [
      '功能分类',
      '功能科目',
      '支出功能分类',
      '支出功能分类科目',
      '功能分类科目',
      '功能分类编码',
      '功能科目编码',
      '功能分类代码',
      '功能科目代码',
      '预算科目',
      '预算科目代码',
      '预算科目编码',
      '收支科目',
    ],
  ],
  [
    'econCode',
    [
      '经济分类',
      '经济科目',
      '部门经济分类',
      '部门预算经济分类',
      '部门预算支出经济分类',
      '支出经济分类',
      '经济分类科目',
      '部门经济分类科目',
      '经济分类编码',
      '经济科目编码',
      '经济分类代码',
      '经济科目代码',
      '部门经济科目',
      // 政府预算支出经济分类 (50x): after every 部门 name, so a file with both columns keeps 30x.
      '政府预算经济分类',
      '政府预算经济科目分类',
      '政府预算支出经济分类',
      '政府经济分类',
      '政府经济科目',
      '政府预算经济科目',
    ],
  ],
  ['projectName', ['项目名称', '项目', '支出项目', '预算项目', '预算项目名称', '项目名']],
  ['fundingSource', ['资金性质', '资金来源', '经费来源', '资金类别']],
  ['category', ['支出类别', '支出类型', '经费类型', '支出性质', '经费性质', '预算类别']],
];

const LEDGER: SynonymTable = [
  [
    'date',
    [
      '日期',
      '交易日期',
      '记账日期',
      '凭证日期',
      '入账日期',
      '发生日期',
      '业务日期',
      '支付日期',
      '付款日期',
      '交易日',
      '交易时间',
      '制单日期',
      '账务日期',
      '交易日期时间',
    ],
  ],
  ['year', ['年', '年份']],
  ['period', ['会计期间', '期间', '会计月份', '所属期间', '记账期间', '账期', '会计期']],
  ['month', ['月', '月份']],
  ['day', ['日']],
  ['voucherNo', ['凭证号', '凭证字号', '凭证编号', '凭证号码', '记账凭证号', '支付凭证号', '凭证']],
  [
    'summary',
    [
      '摘要',
      '交易摘要',
      '用途',
      '交易用途',
      '资金用途',
      '款项用途',
      '支出用途',
      '业务摘要',
      '摘要说明',
      '事由',
      '附言',
      '交易附言',
      '客户附言',
      '备注',
      '说明',
    ],
  ],
  [
    'counterparty',
    [
      '对方户名',
      '对方名称',
      '对方单位',
      '对方单位名称',
      '对方账户名称',
      '对方账号名称',
      '对方账户名',
      '对手名称',
      '对手方名称',
      '交易对方',
      '收/付方名称',
      '收付方名称',
      '收款人名称',
      '收款人',
      '收款单位',
      '收款方',
      '收款方名称',
      '收款人户名',
      '往来单位',
    ],
  ],
  ['serialNo', ['交易流水号', '流水号', '账户明细编号-交易流水号', '主机交易流水号', '银行流水号', '交易序号', '日志号', '交易参考号']],
  [
    'outflow',
    [
      '借方发生额',
      '借方金额',
      '借方',
      '支出金额',
      '支出',
      '付款金额',
      '支付金额',
      '转出金额',
      '转出',
      '付方金额',
      '支取金额',
      '出账金额',
      '本期借方',
      '借方发生',
      '实际支出',
      '支出数',
      '借',
    ],
  ],
  [
    'inflow',
    [
      '贷方发生额',
      '贷方金额',
      '贷方',
      '收入金额',
      '收入',
      '收款金额',
      '转入金额',
      '转入',
      '存入金额',
      '收方金额',
      '入账金额',
      '本期贷方',
      '贷方发生',
      '贷',
    ],
  ],
  ['signedAmount', ['交易金额', '发生额', '发生金额', '本期发生额', '交易额', '金额']],
  ['direction', ['借贷方向', '借贷标志', '借/贷', '借贷', '收支方向', '交易方向', '收付标志', '借贷标识', '方向']],
];

const BUDGET: SynonymTable = [
  ['funcName', ['功能分类名称', '功能科目名称', '支出功能分类名称']],
  ['econName', ['经济分类名称', '经济科目名称', '部门经济分类名称']],
  ['initial', ['年初预算', '年初预算数', '年初数', '年初预算金额', '年初批复数', '年初安排', '年初安排数', '年初指标']],
  ['adjustment', ['调整数', '调整金额', '预算调整数', '调整预算数', '追加追减数', '追加(减)数', '调增减数', '本年调整数', '调整']],
  [
    'final',
    ['调整后预算', '调整后预算数', '全年预算数', '全年预算', '调整后指标', '全年(调整)预算数', '全年调整后预算数', '预算总额'],
  ],
  ['quota', ['指标金额', '指标额度', '指标数', '下达金额', '预算金额', '批复金额', '预算数', '金额']],
  ['docNo', ['指标文号', '文号', '批复文号', '指标文件号', '下达文号']],
  ['note', ['指标摘要', '摘要', '备注', '说明', '用途']],
];

// Words that make a row look like a header without being mapped (balances, accounts, currency…).
const KNOWN_OTHER = [
  '余额',
  '账户余额',
  '交易后余额',
  '本次余额',
  '可用余额',
  '期末余额',
  '对方账号',
  '对方账户',
  '对手账号',
  '对方开户行',
  '对方开户机构',
  '对方账号开户行',
  '币种',
  '交易货币',
  '科目编码',
  '科目代码',
  '科目名称',
  '会计科目',
  '账号',
  '账户名称',
  '户名',
  '起息日期',
  '起息日',
  '交易类型',
  '业务类型',
  '预算单位',
  '单位名称',
  '指标明细号',
  '预算级次',
  '指标类型',
  '支付方式',
  '已用额度',
  '可用额度',
  '序号',
  '附件数',
  '制单人',
  '交易渠道',
  '凭证类型',
].map(headerKey);

const TABLES: Record<ImportTarget, SynonymTable> = { ledger: [...LEDGER, ...SHARED], budget: [...SHARED, ...BUDGET] };

export interface HeaderMatch {
  field: ImportField;
  /** Lower is better: exact synonyms come before trimmed forms, earlier synonyms first. */
  rank: number;
}

const INDEX: Record<ImportTarget, Map<string, HeaderMatch>> = {
  ledger: buildIndex(TABLES.ledger),
  budget: buildIndex(TABLES.budget),
};

function buildIndex(table: SynonymTable): Map<string, HeaderMatch> {
  const map = new Map<string, HeaderMatch>();
  for (const [field, names] of table) {
    names.forEach((name, i) => {
      const key = headerKey(name);
      if (!map.has(key)) map.set(key, { field, rank: i });
    });
  }
  return map;
}

/** Keys to try for one header, most literal first. */
export function headerVariants(text: string): string[] {
  const key = headerKey(text);
  const out = [key];
  const noBrackets = key.replace(/[([【{][^)\]】}]*[)\]】}]/g, '');
  if (noBrackets !== key) out.push(noBrackets);
  const noUnit = noBrackets.replace(/(单位)?[:：]?(万元|千元|元|%)$/, '');
  if (noUnit !== noBrackets) out.push(noUnit);
  const noLatin = noUnit.replace(/[a-z\s]+/g, '');
  if (noLatin !== noUnit && noLatin !== '') out.push(noLatin);
  return out.filter((k) => k !== '');
}

export function matchHeader(text: string, target: ImportTarget): HeaderMatch | null {
  const index = INDEX[target];
  const variants = headerVariants(text);
  for (let v = 0; v < variants.length; v++) {
    const hit = index.get(variants[v] ?? '');
    if (hit) return { field: hit.field, rank: hit.rank + v * 100 };
  }
  return null;
}

export function isKnownHeaderWord(text: string): boolean {
  return headerVariants(text).some((k) => KNOWN_OTHER.includes(k));
}
