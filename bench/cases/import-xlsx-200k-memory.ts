import type { BenchCase } from '../case.ts';
import { bracketedRatio, measureImportPairs, runDetail } from './import-xlsx-200k.ts';

// Peak memory (VmHWM of the child process, the parsing worker included) of the full 200k-row
// import against the parsing floor, from the same interleaved child runs as import-xlsx-200k.

const importXlsx200kMemory: BenchCase = {
  name: 'import-xlsx-200k-memory',
  limit: 2.5,
  async run() {
    const m = await measureImportPairs();
    const { ratio, ratios } = bracketedRatio(m, (r) => r.maxRssKb);
    return { ratio, detail: `peak RSS, median of pairs; ${runDetail(m, ratios, (r) => r.maxRssKb / 1024, 'MB')}` };
  },
};

export default importXlsx200kMemory;
