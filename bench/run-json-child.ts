import { spawn } from 'node:child_process';

// Bench cases measure in child processes so each run's peak memory and CPU are its own. The child
// prints its result as one JSON line last; anything else it prints is ignored.
export function runJsonChild<T>(script: string, args: string[], cwd: string, label: string): Promise<T> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.stderr.on('data', (d: Buffer) => {
      err += d.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !line.startsWith('{')) {
        reject(new Error(`基准子进程（${label}）失败，退出码 ${code}：${err.slice(-2000)}`));
        return;
      }
      resolvePromise(JSON.parse(line) as T);
    });
  });
}
