// One `npm run bench` case: it measures the real path against a baseline measured in the same run
// and reports the ratio; the runner prints `BENCH <name> ratio=<r> limit=<l> <detail>`.
export interface BenchResult {
  ratio: number;
  detail?: string;
}

export interface BenchCase {
  name: string;
  limit: number;
  run(): Promise<BenchResult>;
}
