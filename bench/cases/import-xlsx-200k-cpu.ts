import type { BenchCase } from '../case.ts';
import { bracketedRatio, measureImportPairs, runDetail } from './import-xlsx-200k.ts';

// CPU time (user + system, every thread of the child process: the parse worker, the main thread's
// batch writer, GC and compiler threads) of the full 200k-row import against the parsing floor,
// from the same interleaved child runs as import-xlsx-200k (each full run against the floor runs
// either side of it, median of the pairs). A CPU ratio, not wall time: it does not flatter the
// import by hiding work on the second core.

const importXlsx200kCpu: BenchCase = {
  name: 'import-xlsx-200k-cpu',
  limit: 2.5,
  async run() {
    const m = await measureImportPairs();
    const { ratio, ratios } = bracketedRatio(m, (r) => r.cpuMs);
    return { ratio, detail: `cpu, median of pairs; ${runDetail(m, ratios, (r) => r.cpuMs, 'CpuMs')}` };
  },
};

export default importXlsx200kCpu;
