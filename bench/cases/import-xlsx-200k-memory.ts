import type { BenchCase } from '../case.ts';
import { measureImportPairs } from './import-xlsx-200k.ts';

// Peak memory (VmHWM of the child process, the parsing worker included) of the full 200k-row
// import against the parsing floor, from the same interleaved child runs as import-xlsx-200k.

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
};

const importXlsx200kMemory: BenchCase = {
  name: 'import-xlsx-200k-memory',
  limit: 2.5,
  async run() {
    const m = await measureImportPairs();
    const floorKb = median(m.floor.map((r) => r.maxRssKb));
    const fullKb = median(m.full.map((r) => r.maxRssKb));
    return {
      ratio: fullKb / floorKb,
      detail: `import=${Math.round(fullKb / 1024)}MB floor=${Math.round(floorKb / 1024)}MB runs full=[${m.full.map((r) => Math.round(r.maxRssKb / 1024)).join(',')}] floor=[${m.floor.map((r) => Math.round(r.maxRssKb / 1024)).join(',')}]`,
    };
  },
};

export default importXlsx200kMemory;
