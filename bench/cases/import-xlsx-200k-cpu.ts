import type { BenchCase } from '../case.ts';
import { measureImportPairs } from './import-xlsx-200k.ts';

// CPU time (user + system, every thread of the child process: the parse worker, the main thread's
// batch writer, GC and compiler threads) of the full 200k-row import against the parsing floor,
// from the same interleaved child runs as import-xlsx-200k. A CPU ratio, not wall time: it does
// not flatter the import by hiding work on the second core, and it moves less with machine load.

const importXlsx200kCpu: BenchCase = {
  name: 'import-xlsx-200k-cpu',
  limit: 2.5,
  async run() {
    const m = await measureImportPairs();
    const floorMs = Math.min(...m.floor.map((r) => r.cpuMs));
    const fullMs = Math.min(...m.full.map((r) => r.cpuMs));
    return {
      ratio: fullMs / floorMs,
      detail: `cpu import=${Math.round(fullMs)}ms floor=${Math.round(floorMs)}ms runs full=[${m.full.map((r) => Math.round(r.cpuMs)).join(',')}] floor=[${m.floor.map((r) => Math.round(r.cpuMs)).join(',')}]`,
    };
  },
};

export default importXlsx200kCpu;
