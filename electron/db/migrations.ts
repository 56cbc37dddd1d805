import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

// Migrations are the numbered .sql files beside this module (copied next to the bundle for
// Electron). The file number is the schema version it produces.
export function migrationsDir(): string {
  const override = process.env.SELFEVAL_MIGRATIONS_DIR;
  if (override) return override;
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = join(here, 'migrations');
  return beside;
}

export function loadMigrations(dir = migrationsDir()): Migration[] {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
  const migrations = files.map((f) => ({
    version: Number.parseInt(f.slice(0, 4), 10),
    name: f,
    sql: readFileSync(join(dir, f), 'utf8'),
  }));
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration numbering has a gap at ${m.name}`);
  });
  return migrations;
}
