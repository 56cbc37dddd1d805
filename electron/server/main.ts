import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs, stringFlag } from '../cli/parse-args.ts';
import { dataFileIn, defaultUserDataDir } from '../data-location.ts';
import { startBrowserMode } from './browser-mode.ts';
import { browserOpener } from './browser-opener.ts';
import { writeLaunchPage } from './launch-page.ts';

// Browser mode entry: `npm start` falls back to this where the Electron binary is missing.
const args = parseArgs(process.argv.slice(2));
const dataFile = stringFlag(args, 'db') ?? dataFileIn(defaultUserDataDir());
const staticDir = resolve(stringFlag(args, 'static') ?? 'dist/renderer');
if (!existsSync(resolve(staticDir, 'index.html'))) {
  process.stderr.write(`界面文件不存在：${staticDir}。请先运行 npm run build。\n`);
  process.exit(1);
}
const portFlag = stringFlag(args, 'port');
const app = await startBrowserMode({ dataFile, staticDir, ...(portFlag ? { port: Number(portFlag) } : {}) });
const found = app.session.state();
const notice = found.problem ? `注意：${found.problem.message}\n${found.status === 'read-only' ? '' : '打开下面的地址可查看详情、从备份恢复或重试。\n'}` : '';
// The tokened address goes only into a page readable by this user (launch-page.ts), never onto a
// command line or into the output, which may end up in a shared log.
const launch = writeLaunchPage(app.server.appUrl);
process.stdout.write(
  `SelfEval Desk 浏览器模式已启动（仅本机可访问）。\n数据文件：${app.dataFile}\n${notice}请在浏览器中打开：${launch.url}\n（该页面只有当前用户可读，会转到带访问令牌的本机地址。）\n按 Ctrl+C 退出。\n`,
);
const opener = browserOpener({ platform: process.platform, env: process.env, noOpen: args.flags['no-open'] === true });
if (opener.open) {
  const child = spawn(opener.command, opener.args(launch.file), { stdio: 'ignore', detached: true });
  child.on('error', () => process.stdout.write(`未能自动打开浏览器（${opener.command}），请手动打开上面的地址。\n`));
  child.unref();
} else {
  process.stdout.write(`未自动打开浏览器：${opener.reason}。请在本机浏览器中打开上面的地址。\n`);
}
const stop = async () => {
  launch.remove();
  await app.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
