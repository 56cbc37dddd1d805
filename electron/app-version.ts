import { readFileSync } from 'node:fs';

// The version shown in the app and written into exports comes from package.json; Electron builds
// bake it in at bundle time through SELFEVAL_APP_VERSION.
function readVersion(): string {
  if (process.env.SELFEVAL_APP_VERSION) return process.env.SELFEVAL_APP_VERSION;
  try {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
  } catch {
    return '0.0.0';
  }
}

export const APP_VERSION = readVersion();
