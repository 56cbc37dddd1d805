import { spawnSync } from 'node:child_process';
import { buildElectron } from './build-electron.ts';
import { buildRenderer } from './build-renderer.ts';

// `npm run dist [-- --win | --linux]`: installers via electron-builder. Needs a release machine that
// can download Electron and its headers (ELECTRON_MIRROR / ELECTRON_BUILDER_BINARIES_MIRROR for
// mainland networks). electron-builder rebuilds better-sqlite3 for Electron in node_modules; run
// `npm rebuild better-sqlite3` afterwards before running the tests again.
await buildRenderer({ force: true });
await buildElectron();
const targets = process.argv.slice(2);
const r = spawnSync('npx', ['electron-builder', '--config', 'electron-builder.yml', ...(targets.length ? targets : ['--win', '--linux'])], {
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
