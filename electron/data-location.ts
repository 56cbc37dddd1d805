import { homedir } from 'node:os';
import { join } from 'node:path';

export const PRODUCT_NAME = 'SelfEval Desk';

/**
 * The folder Electron's app.getPath('userData') gives for this product, so browser mode and the
 * desktop app open the same data file. The data lives in a 'ledger' sub-folder: Chromium deletes
 * some folder names it owns (e.g. 'databases') inside userData.
 */
export function defaultUserDataDir(): string {
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), PRODUCT_NAME);
}

export function dataFileIn(userDataDir: string): string {
  return join(userDataDir, 'ledger', 'selfeval.db');
}
