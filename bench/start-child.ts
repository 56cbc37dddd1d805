import { startBrowserMode } from '../electron/server/browser-mode.ts';

// Child of the start-3m case: starts browser mode on the data file named on the command line and
// prints where it answers; the parent times from spawning this process to its first API answer.
const app = await startBrowserMode({ dataFile: process.argv[2]!, staticDir: null });
process.stdout.write(`${JSON.stringify({ url: app.server.url, token: app.server.token })}\n`);
process.on('SIGTERM', () => {
  void app.close().then(() => process.exit(0));
});
