import { loadMigrations, type Migration } from '../../electron/db/migrations.ts';

// A large extra migration after the real ones, so a kill lands inside a migration transaction
// often enough. It creates and fills a table, indexes it and alters an existing table: every kind
// of change a real migration makes.

export function syntheticMigration(version: number, rows: number): Migration {
  return {
    version,
    name: `${String(version).padStart(4, '0')}_stress_filler.sql`,
    sql: `
CREATE TABLE stress_filler (id INTEGER PRIMARY KEY, payload TEXT NOT NULL) STRICT;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${rows})
INSERT INTO stress_filler (id, payload) SELECT i, hex(randomblob(24)) FROM n;
CREATE INDEX stress_filler_payload ON stress_filler (payload);
ALTER TABLE department ADD COLUMN stress_note TEXT NOT NULL DEFAULT '';
`,
  };
}

/** The real migrations followed by the synthetic one. */
export function migrationsWithSynthetic(rows: number): Migration[] {
  const real = loadMigrations();
  return [...real, syntheticMigration(real.length + 1, rows)];
}
