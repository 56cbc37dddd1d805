import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Category, deriveCategory } from '../../../shared/domain/enums.ts';
import { wanTextToFen } from '../../../shared/money/fen.ts';
import { type Db, openDatabase } from '../../../electron/db/open.ts';

// The example year written straight into a real, migrated SQLite file: 年初预算 3765.08 万元 +
// 调整 217.25 万元 = 3982.33 万元, all 一般公共预算财政拨款; spending 3752.63 万元 = 基本支出
// 3260.92 (人员 2715.40 + 公用 545.52) + 项目支出 491.71, paid monthly. Optionally the year
// before, with known differences. Transactions are left unlinked (the tests link them).

export type UnitRef = 'main' | 'inst';
export type ProjectRef = 'P1' | 'P2' | 'P3';

export interface LineSpec {
  unit: UnitRef;
  econ: string;
  econName: string;
  func: string;
  project: ProjectRef | null;
  /** 万元 text. */
  initial: string;
  adjustment: string;
  actual: string;
}

export const PROJECTS: Record<ProjectRef, { code: string; name: string; unit: UnitRef }> = {
  P1: { code: 'XM-01', name: '政务信息系统运行维护', unit: 'main' },
  P2: { code: 'XM-02', name: '政务服务热线运营', unit: 'main' },
  P3: { code: '', name: '应急值守保障', unit: 'inst' },
};

export const LINES_2021: LineSpec[] = [
  // 人员经费: final 2780.00, actual 2715.40
  { unit: 'main', econ: '30101', econName: '基本工资', func: '2010301', project: null, initial: '900.00', adjustment: '40.00', actual: '920.00' },
  { unit: 'main', econ: '30102', econName: '津贴补贴', func: '2010301', project: null, initial: '700.00', adjustment: '50.00', actual: '735.50' },
  { unit: 'main', econ: '30108', econName: '机关事业单位基本养老保险缴费', func: '2080505', project: null, initial: '260.00', adjustment: '10.00', actual: '268.30' },
  { unit: 'main', econ: '30113', econName: '住房公积金', func: '2210201', project: null, initial: '240.00', adjustment: '0', actual: '236.90' },
  { unit: 'main', econ: '30302', econName: '退休费', func: '2080501', project: null, initial: '150.00', adjustment: '20.00', actual: '165.70' },
  { unit: 'inst', econ: '30101', econName: '基本工资', func: '2010350', project: null, initial: '250.00', adjustment: '10.00', actual: '250.00' },
  { unit: 'inst', econ: '30107', econName: '绩效工资', func: '2010350', project: null, initial: '150.00', adjustment: '0', actual: '139.00' },
  // 公用经费: final 602.33, actual 545.52
  { unit: 'main', econ: '30201', econName: '办公费', func: '2010301', project: null, initial: '120.00', adjustment: '10.00', actual: '128.40' },
  { unit: 'main', econ: '30211', econName: '差旅费', func: '2010301', project: null, initial: '40.00', adjustment: '0', actual: '31.22' },
  { unit: 'main', econ: '30217', econName: '公务接待费', func: '2010301', project: null, initial: '15.08', adjustment: '0', actual: '9.85' },
  { unit: 'main', econ: '30231', econName: '公务用车运行维护费', func: '2010301', project: null, initial: '60.00', adjustment: '5.00', actual: '58.60' },
  { unit: 'main', econ: '30228', econName: '工会经费', func: '2010301', project: null, initial: '50.00', adjustment: '0', actual: '50.00' },
  { unit: 'main', econ: '30299', econName: '其他商品和服务支出', func: '2010301', project: null, initial: '200.00', adjustment: '12.25', actual: '190.45' },
  { unit: 'inst', econ: '30201', econName: '办公费', func: '2010350', project: null, initial: '90.00', adjustment: '0', actual: '77.00' },
  // 项目支出: final 600.00, actual 491.71
  { unit: 'main', econ: '30227', econName: '委托业务费', func: '2010302', project: 'P1', initial: '200.00', adjustment: '30.00', actual: '221.35' },
  { unit: 'main', econ: '31007', econName: '信息网络及软件购置更新', func: '2010302', project: 'P1', initial: '80.00', adjustment: '0', actual: '64.80' },
  { unit: 'main', econ: '30227', econName: '委托业务费', func: '2010305', project: 'P2', initial: '180.00', adjustment: '30.00', actual: '155.56' },
  { unit: 'inst', econ: '30299', econName: '其他商品和服务支出', func: '2010350', project: 'P3', initial: '80.00', adjustment: '0', actual: '50.00' },
];

// 2020: spending 3500.00 = 人员 2600.00 (301: 2440, 303: 160) + 公用 550.00 + 项目 350.00 (no 310);
// budgets equal spending. Against 2021 only 项目支出 (+40.5 %) and class 310 (new) change a lot.
export const LINES_2020: LineSpec[] = [
  { unit: 'main', econ: '30101', econName: '基本工资', func: '2010301', project: null, initial: '880.00', adjustment: '0', actual: '880.00' },
  { unit: 'main', econ: '30102', econName: '津贴补贴', func: '2010301', project: null, initial: '700.00', adjustment: '0', actual: '700.00' },
  { unit: 'main', econ: '30108', econName: '机关事业单位基本养老保险缴费', func: '2080505', project: null, initial: '260.00', adjustment: '0', actual: '260.00' },
  { unit: 'main', econ: '30113', econName: '住房公积金', func: '2210201', project: null, initial: '230.00', adjustment: '0', actual: '230.00' },
  { unit: 'main', econ: '30302', econName: '退休费', func: '2080501', project: null, initial: '160.00', adjustment: '0', actual: '160.00' },
  { unit: 'inst', econ: '30101', econName: '基本工资', func: '2010350', project: null, initial: '240.00', adjustment: '0', actual: '240.00' },
  { unit: 'inst', econ: '30107', econName: '绩效工资', func: '2010350', project: null, initial: '130.00', adjustment: '0', actual: '130.00' },
  { unit: 'main', econ: '30201', econName: '办公费', func: '2010301', project: null, initial: '130.00', adjustment: '0', actual: '130.00' },
  { unit: 'main', econ: '30211', econName: '差旅费', func: '2010301', project: null, initial: '35.00', adjustment: '0', actual: '35.00' },
  { unit: 'main', econ: '30217', econName: '公务接待费', func: '2010301', project: null, initial: '10.00', adjustment: '0', actual: '10.00' },
  { unit: 'main', econ: '30231', econName: '公务用车运行维护费', func: '2010301', project: null, initial: '60.00', adjustment: '0', actual: '60.00' },
  { unit: 'main', econ: '30228', econName: '工会经费', func: '2010301', project: null, initial: '45.00', adjustment: '0', actual: '45.00' },
  { unit: 'main', econ: '30299', econName: '其他商品和服务支出', func: '2010301', project: null, initial: '195.00', adjustment: '0', actual: '195.00' },
  { unit: 'inst', econ: '30201', econName: '办公费', func: '2010350', project: null, initial: '75.00', adjustment: '0', actual: '75.00' },
  { unit: 'main', econ: '30227', econName: '委托业务费', func: '2010302', project: 'P1', initial: '200.00', adjustment: '0', actual: '200.00' },
  { unit: 'main', econ: '30227', econName: '委托业务费', func: '2010305', project: 'P2', initial: '100.00', adjustment: '0', actual: '100.00' },
  { unit: 'inst', econ: '30299', econName: '其他商品和服务支出', func: '2010350', project: 'P3', initial: '50.00', adjustment: '0', actual: '50.00' },
];

export interface BuiltTxn {
  id: number;
  lineIndex: number;
  unitId: number;
  date: string;
  month: number;
  category: Category;
  econ: string;
  func: string;
  projectId: number | null;
  amountFen: number;
}

export interface BuiltYear {
  yearId: number;
  year: number;
  lineIds: number[];
  projectIds: Record<ProjectRef, number>;
  txns: BuiltTxn[];
}

export interface Example {
  db: Db;
  file: string;
  departmentId: number;
  unitIds: Record<UnitRef, number>;
  current: BuiltYear;
  previous: BuiltYear | null;
}

export const fen = (wan: string): number => {
  const v = wanTextToFen(wan);
  if (v === null) throw new Error(`bad 万元 text ${wan}`);
  return v;
};

function insertYear(db: Db, departmentId: number, unitIds: Record<UnitRef, number>, year: number, lines: LineSpec[]): BuiltYear {
  const yearId = Number(db.prepare('INSERT INTO fiscal_year (department_id, year) VALUES (?, ?)').run(departmentId, year).lastInsertRowid);
  const projectIds = {} as Record<ProjectRef, number>;
  (Object.keys(PROJECTS) as ProjectRef[]).forEach((key, i) => {
    const p = PROJECTS[key];
    projectIds[key] = Number(
      db
        .prepare('INSERT INTO project (year_id, unit_id, code, name, sort_order) VALUES (?, ?, ?, ?, ?)')
        .run(yearId, unitIds[p.unit], p.code, p.name, i).lastInsertRowid,
    );
  });
  const insLine = db.prepare(
    `INSERT INTO budget_line (year_id, unit_id, funding_source, category, project_id, func_code, econ_code, econ_name,
       initial_fen, adjustment_fen, sort_order)
     VALUES (?, ?, 'general_budget', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insTxn = db.prepare(
    `INSERT INTO ledger_txn (year_id, unit_id, txn_date, voucher_no, summary, counterparty, funding_source, category,
       func_code, econ_code, project_id, direction, amount_fen)
     VALUES (?, ?, ?, ?, ?, ?, 'general_budget', ?, ?, ?, ?, 'out', ?)`,
  );
  const lineIds: number[] = [];
  const txns: BuiltTxn[] = [];
  lines.forEach((l, lineIndex) => {
    const projectId = l.project ? projectIds[l.project] : null;
    const category = deriveCategory(l.econ, projectId !== null);
    lineIds.push(
      Number(
        insLine.run(yearId, unitIds[l.unit], category, projectId, l.func, l.econ, l.econName, fen(l.initial), fen(l.adjustment), lineIndex)
          .lastInsertRowid,
      ),
    );
    // Twelve equal monthly payments; December takes the remainder so the year is exact.
    const total = fen(l.actual);
    const monthly = Math.floor(total / 12);
    for (let month = 1; month <= 12; month++) {
      const amount = month === 12 ? total - monthly * 11 : monthly;
      const date = `${year}-${String(month).padStart(2, '0')}-${month === 2 ? '26' : '25'}`;
      const r = insTxn.run(
        yearId,
        unitIds[l.unit],
        date,
        `记-${String(month).padStart(2, '0')}-${String(lineIndex + 1).padStart(3, '0')}`,
        `支付${month}月${l.econName}`,
        l.project ? `${PROJECTS[l.project].name}服务商` : '',
        category,
        l.func,
        l.econ,
        projectId,
        amount,
      );
      txns.push({ id: Number(r.lastInsertRowid), lineIndex, unitId: unitIds[l.unit], date, month, category, econ: l.econ, func: l.func, projectId, amountFen: amount });
    }
  });
  writeReportText(db, yearId);
  return { yearId, year, lineIds, projectIds, txns };
}

/**
 * The report's own prose, so the 审核 here is about the figures: a year whose outline sections are
 * blank has a 强制 finding for each (report.unwritten).
 */
function writeReportText(db: Db, yearId: number): void {
  db.prepare("INSERT INTO department_profile (year_id, duties_json, internal_offices_json, overall_goal) VALUES (?, ?, '[]', ?)").run(
    yearId,
    JSON.stringify(['负责区政府日常运转的综合协调。']),
    '保障区政府机关高效运转。',
  );
  db.prepare("INSERT INTO work_area (year_id, title, summary, sort_order) VALUES (?, '综合协调', '全年按计划完成综合协调工作。', 1)").run(yearId);
  const section = db.prepare('INSERT INTO report_section (year_id, section_key, body, generated) VALUES (?, ?, ?, 0)');
  section.run(yearId, 'evaluation_overview', '本年度对部门整体支出开展了自评。');
  section.run(yearId, 'problems', '部分项目支出进度偏慢。');
  section.run(yearId, 'improvements', '按月跟踪项目支出进度。');
}

export function tempDbPath(): string {
  return join(mkdtempSync(join(tmpdir(), 'selfeval-exec-')), 'example.db');
}

export function buildExample(opts: { withPreviousYear?: boolean; file?: string } = {}): Example {
  const file = opts.file ?? tempDbPath();
  const db = openDatabase(file);
  return db.transaction(() => {
    const departmentId = Number(db.prepare("INSERT INTO department (name, code) VALUES ('示例区人民政府办公室', 'EX001')").run().lastInsertRowid);
    const unitIds: Record<UnitRef, number> = {
      main: Number(
        db
          .prepare("INSERT INTO unit (department_id, name, kind, is_primary, sort_order) VALUES (?, '示例区人民政府办公室（本级）', 'admin', 1, 0)")
          .run(departmentId).lastInsertRowid,
      ),
      inst: Number(
        db
          .prepare("INSERT INTO unit (department_id, name, kind, is_primary, sort_order) VALUES (?, '示例区政务服务保障中心', 'institution', 0, 1)")
          .run(departmentId).lastInsertRowid,
      ),
    };
    const previous = opts.withPreviousYear ? insertYear(db, departmentId, unitIds, 2020, LINES_2020) : null;
    const current = insertYear(db, departmentId, unitIds, 2021, LINES_2021);
    return { db, file, departmentId, unitIds, current, previous };
  })();
}
