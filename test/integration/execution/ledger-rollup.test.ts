import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from '../../../electron/db/migrations.ts';
import { type Db, openDatabase } from '../../../electron/db/open.ts';
import { buildExample, tempDbPath } from './build-example.ts';

// ledger_rollup must equal a GROUP BY over ledger_txn after any mix of writes, including the
// ones SQLite makes itself (ON DELETE SET NULL of a budget line, cascades of a batch).

const fromLedger = (db: Db) =>
  db
    .prepare(
      `SELECT year_id, direction, unit_id, category, funding_source, coalesce(project_id, 0) AS project_key, econ_code, func_code,
              coalesce(budget_line_id, 0) AS line_key, period, sum(amount_fen) AS amount_fen, count(*) AS txn_count
         FROM ledger_txn
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10
        ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
    )
    .all();
const fromRollup = (db: Db) =>
  db
    .prepare(
      `SELECT year_id, direction, unit_id, category, funding_source, project_key, econ_code, func_code, line_key, period, amount_fen, txn_count
         FROM ledger_rollup ORDER BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10`,
    )
    .all();

type Op =
  | { kind: 'insert'; month: number; year: number; econ: number; unit: number; amount: number; line: number | null; project: boolean; dir: 'out' | 'in'; batch: boolean }
  | { kind: 'update'; pick: number; field: 'amount' | 'date' | 'econ' | 'line' | 'unit'; value: number }
  | { kind: 'delete'; pick: number }
  | { kind: 'deleteLine'; pick: number }
  | { kind: 'deleteBatch' };

const ECON = ['30101', '30201', '30227', '31007', ''];

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    month: fc.integer({ min: 1, max: 12 }),
    year: fc.constantFrom(2021, 2021, 2021, 2020, 2022),
    econ: fc.integer({ min: 0, max: ECON.length - 1 }),
    unit: fc.integer({ min: 0, max: 1 }),
    amount: fc.integer({ min: -50_000, max: 5_000_000 }),
    line: fc.option(fc.integer({ min: 0, max: 17 }), { nil: null }),
    project: fc.boolean(),
    dir: fc.constantFrom('out' as const, 'out' as const, 'in' as const),
    batch: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('update' as const),
    pick: fc.nat(),
    field: fc.constantFrom('amount' as const, 'date' as const, 'econ' as const, 'line' as const, 'unit' as const),
    value: fc.integer({ min: 0, max: 1_000_000 }),
  }),
  fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('deleteLine' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('deleteBatch' as const) }),
);

function apply(db: Db, ctx: { yearId: number; units: number[]; lines: number[]; project: number; batch: number }, op: Op): void {
  const ids = () => (db.prepare('SELECT id FROM ledger_txn ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
  const liveLines = () => (db.prepare('SELECT id FROM budget_line ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
  switch (op.kind) {
    case 'insert': {
      const econ = ECON[op.econ]!;
      const line = op.line === null ? null : (liveLines()[op.line % Math.max(1, liveLines().length)] ?? null);
      db.prepare(
        `INSERT INTO ledger_txn (year_id, unit_id, txn_date, category, econ_code, func_code, project_id, budget_line_id, direction, amount_fen, batch_id)
         VALUES (?, ?, ?, ?, ?, '2010301', ?, ?, ?, ?, ?)`,
      ).run(
        ctx.yearId,
        ctx.units[op.unit],
        `${op.year}-${String(op.month).padStart(2, '0')}-15`,
        op.project ? 'project' : econ.startsWith('301') ? 'personnel' : 'public',
        econ,
        op.project ? ctx.project : null,
        line,
        op.dir,
        op.amount,
        op.batch ? ctx.batch : null,
      );
      return;
    }
    case 'update': {
      const all = ids();
      if (all.length === 0) return;
      const id = all[op.pick % all.length];
      const sql = {
        amount: ['UPDATE ledger_txn SET amount_fen = ? WHERE id = ?', op.value - 500_000],
        date: ['UPDATE ledger_txn SET txn_date = ? WHERE id = ?', `2021-${String((op.value % 12) + 1).padStart(2, '0')}-01`],
        econ: ['UPDATE ledger_txn SET econ_code = ? WHERE id = ?', ECON[op.value % ECON.length]],
        line: ['UPDATE ledger_txn SET budget_line_id = ? WHERE id = ?', op.value % 3 === 0 ? null : (liveLines()[op.value % Math.max(1, liveLines().length)] ?? null)],
        unit: ['UPDATE ledger_txn SET unit_id = ? WHERE id = ?', ctx.units[op.value % 2]],
      }[op.field];
      db.prepare(sql[0] as string).run(sql[1], id);
      return;
    }
    case 'delete': {
      const all = ids();
      if (all.length > 0) db.prepare('DELETE FROM ledger_txn WHERE id = ?').run(all[op.pick % all.length]);
      return;
    }
    case 'deleteLine': {
      const lines = liveLines();
      if (lines.length > 0) db.prepare('DELETE FROM budget_line WHERE id = ?').run(lines[op.pick % lines.length]);
      return;
    }
    case 'deleteBatch':
      db.prepare('DELETE FROM import_batch WHERE id = ?').run(ctx.batch);
      ctx.batch = Number(
        db
          .prepare(
            "INSERT INTO import_batch (year_id, target, file_name, file_sha256, file_size, file_format) VALUES (?, 'ledger', 'b.xlsx', 'y', 1, 'xlsx')",
          )
          .run(ctx.yearId).lastInsertRowid,
      );
  }
}

describe('ledger_rollup', () => {
  it('equals a GROUP BY of ledger_txn after any sequence of inserts, updates, deletes and cascades', () => {
    const ex = buildExample();
    const file = ex.file;
    try {
      fc.assert(
        fc.property(fc.array(opArb, { minLength: 1, maxLength: 25 }), (ops) => {
          ex.db.exec('SAVEPOINT prop');
          try {
            const batch = Number(
              ex.db
                .prepare("INSERT INTO import_batch (year_id, target, file_name, file_sha256, file_size, file_format) VALUES (?, 'ledger', 'a.xlsx', 'x', 1, 'xlsx')")
                .run(ex.current.yearId).lastInsertRowid,
            );
            const ctx = { yearId: ex.current.yearId, units: [ex.unitIds.main, ex.unitIds.inst], lines: ex.current.lineIds, project: ex.current.projectIds.P1, batch };
            for (const op of ops) apply(ex.db, ctx, op);
            expect(fromRollup(ex.db)).toEqual(fromLedger(ex.db));
          } finally {
            ex.db.exec('ROLLBACK TO prop; RELEASE prop');
          }
        }),
        { numRuns: 60 },
      );
      expect(fromRollup(ex.db)).toEqual(fromLedger(ex.db));
      expect((ex.db.prepare('SELECT count(*) AS n FROM ledger_rollup WHERE txn_count <= 0').get() as { n: number }).n).toBe(0);
    } finally {
      ex.db.close();
      rmSync(dirname(file), { recursive: true, force: true });
    }
  });

  it('empties with its year (cascade) and is built from existing rows when a schema-1 file is upgraded', () => {
    const file = tempDbPath();
    const v1 = openDatabase(file, { migrations: loadMigrations().slice(0, 1) });
    v1.exec(`
      INSERT INTO department (id, name) VALUES (1, '部门');
      INSERT INTO unit (id, department_id, name, kind) VALUES (1, 1, '本级', 'admin');
      INSERT INTO fiscal_year (id, department_id, year) VALUES (1, 1, 2021);
      INSERT INTO ledger_txn (year_id, unit_id, txn_date, category, econ_code, direction, amount_fen) VALUES
        (1, 1, '2021-01-05', 'public', '30201', 'out', 100),
        (1, 1, '2021-01-20', 'public', '30201', 'out', 250),
        (1, 1, '2021-02-01', 'personnel', '30101', 'out', -40);`);
    expect(v1.pragma('user_version', { simple: true })).toBe(1);
    v1.close();
    const db = openDatabase(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(loadMigrations().length);
      expect(fromRollup(db)).toEqual(fromLedger(db));
      expect(fromRollup(db)).toHaveLength(2);
      db.prepare('DELETE FROM fiscal_year WHERE id = 1').run();
      expect(fromRollup(db)).toEqual([]);
    } finally {
      db.close();
      rmSync(dirname(file), { recursive: true, force: true });
    }
  });
});
