// Environment variables that only development and tests may set: they point the app at another
// SQLite build, migrations folder, code lists or fonts, or open the developer tools. A packaged
// app drops them before anything reads them, so nobody can redirect an installed app through its
// environment. Every SELFEVAL_* variable read under electron/ must be listed here (a test checks).
export const DEV_ONLY_ENV = [
  'SELFEVAL_SQLITE_BINDING',
  'SELFEVAL_DEVTOOLS',
  'SELFEVAL_MIGRATIONS_DIR',
  'SELFEVAL_CODES_DIR',
  'SELFEVAL_FONT_DIR',
  'SELFEVAL_APP_VERSION',
] as const;

/** Removes every development-only variable from `env`; returns the names that were set. */
export function dropDevHooks(env: NodeJS.ProcessEnv): string[] {
  const dropped: string[] = [];
  for (const name of DEV_ONLY_ENV) {
    if (env[name] !== undefined) dropped.push(name);
    delete env[name];
  }
  return dropped;
}
