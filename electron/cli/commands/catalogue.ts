import type { CliCommand } from '../command.ts';

// What `selfeval --help` shows, kept apart from the commands themselves: help and usage errors
// load this list alone, never the database, the spreadsheet readers or the report renderers.
export const CATALOGUE = {
  'demo': { name: 'demo', usage: 'demo --db FILE [--new-file] [--json]', summary: '在空的数据文件中载入示例年度（番禺区政府办 2021）' },
  'summary': { name: 'summary', usage: 'summary --db FILE --year YYYY [--json]', summary: '预算执行汇总：预算数、支出数、执行率，按类别、资金来源、经济分类、月份分列（只读）' },
  'check': { name: 'check', usage: 'check --db FILE --year YYYY [--json]', summary: '运行审核：列出强制和提示性审核结果及出错说明（只读；有强制性错误时退出码为 1）' },
  'score': { name: 'score', usage: 'score --db FILE --year YYYY [--json]', summary: '按年度指标体系计算自评得分，列出每项扣分及原因' },
  'project-eval': {
    name: 'project-eval',
    usage: 'project-eval --db FILE --year YYYY [--json] [--format pdf|xlsx|docx --out FILE]',
    summary: '项目支出绩效自评表：每个项目的预算执行率得分、绩效指标得分、总分和评价等次；可导出 PDF / Excel / Word',
  },
  'report': {
    name: 'report',
    usage: 'report --db FILE --year YYYY --format pdf|xlsx|docx --out FILE [--detail-out FILE] [--json]',
    summary: '导出年度自评报告（PDF / Excel / Word）；Excel 可用 --detail-out 把支出明细另存为单独的工作簿',
  },
  'finalize': {
    name: 'finalize',
    usage: 'finalize --db FILE --year YYYY [--json]',
    summary: '定稿：保存报告 PDF、Excel、Word 原件及其 SHA-256，并锁定该年度数据（有强制审核错误等未解决时拒绝）',
  },
  'originals': { name: 'originals', usage: 'originals --db FILE --year YYYY --out DIR [--json]', summary: '把已定稿年度保存的报告原件（PDF、Excel、Word）原样写入目录（只读）' },
  'reopen': { name: 'reopen', usage: 'reopen --db FILE --year YYYY --reason TEXT [--json]', summary: '重新打开已定稿的年度以便修改（须写明原因，记入修改记录；原件仍保留）' },
  'export-year': { name: 'export-year', usage: 'export-year --db FILE --year YYYY --out FILE.json', summary: '把一个年度的全部数据导出为一个 JSON 文件（可无损导回）' },
  'import-year': { name: 'import-year', usage: 'import-year --db FILE --from FILE.json [--new-file]', summary: '导入 export-year 导出的年度数据文件' },
  'framework': {
    name: 'framework',
    usage: 'framework export --db FILE --year YYYY --out FILE.json | framework import --db FILE --year YYYY --from FILE.json',
    summary: '导出或导入一个年度的指标体系（与程序中导出、导入的 JSON 文件相同）',
  },
  'outline': {
    name: 'outline',
    usage: 'outline export --db FILE --year YYYY --out FILE.json | outline import --db FILE --year YYYY --from FILE.json',
    summary: '导出或导入一个年度的报告提纲（与程序中导出、导入的 JSON 文件相同）',
  },
  'codes': {
    name: 'codes',
    usage: 'codes import --db FILE --from FILE.xlsx|.csv | codes export --db FILE --out FILE.xlsx|.csv',
    summary: '导入本单位的科目表（科目编码、科目名称两列，或“2010601 行政运行”一列），或导出本单位导入、填写和识别的科目代码',
  },
  'rules': {
    name: 'rules',
    usage: 'rules export --db FILE --out FILE.json | rules import --db FILE --from FILE.json',
    summary: '导出或导入收支明细的分类规则（摘要或对方户名包含/等于某文字 → 经济分类、功能分类、类别、项目），导入时整体替换',
  },
  'import': { name: 'import', usage: 'import FILE --db FILE --year YYYY --into ledger|budget [--unit NAME] [--profile auto|NAME] [--sheet NAME] [--all-sheets] [--debit-means out|in] [--json]', summary: '导入财务系统或网银导出的电子表格（xlsx/xls/csv）：收支明细或预算指标，一次导入一个批次，可撤销' },
  'undo-import': { name: 'undo-import', usage: 'undo-import BATCH --db FILE [--json]', summary: '撤销一次导入：删除该批次导入的全部行，批次标记为已撤销' },
  'backup': { name: 'backup', usage: 'backup --db FILE --out FILE [--json]', summary: '把数据文件备份为一个经过完整性检查的文件（程序运行时也可以备份）' },
  'restore': { name: 'restore', usage: 'restore --db FILE --from FILE [--json]', summary: '用备份文件替换数据文件；原数据文件另存为 pre-restore 文件，不会删除' },
} as const satisfies Record<string, Omit<CliCommand, 'run'>>;
