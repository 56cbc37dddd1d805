import { buildElectron } from './build-electron.ts';
import { buildRenderer } from './build-renderer.ts';

// `npm run build`: the renderer (Vite) and the Electron main/preload bundles (esbuild).
await buildRenderer({ force: process.argv.includes('--force') });
await buildElectron();
process.stdout.write('已构建：dist/renderer 与 dist/electron\n');
