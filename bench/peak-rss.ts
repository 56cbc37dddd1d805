import { readFileSync } from 'node:fs';

/**
 * Peak RSS of this process (worker threads included). getrusage's maxRSS is not used: Linux carries it
 * over from the parent across fork + exec, so after a memory-hungry case in the bench process every
 * child would report at least the parent's peak. VmHWM belongs to the process's own address space.
 */
export function peakRssKb(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // not Linux: fall through
  }
  return process.resourceUsage().maxRSS;
}
