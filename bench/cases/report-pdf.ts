import { buildReportModel, type ReportModel } from '../../shared/report/build-report-model.ts';
import { renderModelPdf } from '../../electron/export/pdf/render-report-pdf.ts';
import { exampleInput } from '../../test/unit/report/example-input.ts';
import type { BenchCase } from '../case.ts';

// The full example report as PDF against a one-page PDF with the same fonts: the report's own first
// page (小标宋 title, 黑体/楷体/仿宋 headings, the duties, the 宋体 page number). Both are generated in
// this run after a warm-up, so reading the font files is not what is measured.

// The JIT settles over the first few renders (the full report reaches code the one page never
// does); with one warm-up and five runs the ratio swung from 2.2 to 5.0 between identical runs.
// Renders kept getting faster for some 20 renders after start, and medians of 21 pairs still moved
// by ±0.2 between identical runs, hence 10 warm-up pairs and 41 measured ones (~15 s in all).
const RUNS = 41;
const WARMUP = 10;
const MAX_BYTES = 3 * 1024 * 1024;
/** The absolute budget for the full report, warm. */
const MAX_WARM_MS = 2000;

function onePageModel(full: ReportModel): ReportModel {
  // Everything before 2.机构设置, which is where the example's first page ends.
  const end = full.blocks.findIndex((b) => b.kind === 'heading' && b.text === '机构设置');
  if (end < 0) throw new Error('示例报告结构变化：找不到“机构设置”');
  return { ...full, blocks: full.blocks.slice(0, end) };
}

/** pdfkit writes each page object uncompressed as "/Type /Page". */
function pageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
}

// CPU time of this process (all threads, GC included) rather than wall time: on a shared 2-core
// machine wall time mostly measures the neighbours. Rendering is CPU-bound, so the two agree when idle.
async function timed(fn: () => Promise<unknown>): Promise<{ cpu: number; wall: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  await fn();
  const c = process.cpuUsage(c0);
  return { cpu: (c.user + c.system) / 1000, wall: performance.now() - t0 };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const reportPdf: BenchCase = {
  name: 'report-pdf',
  limit: 3,
  async run() {
    const full = buildReportModel(exampleInput);
    const one = onePageModel(full);
    // Warm-up: font loading, pdfkit's first font parse and the JIT are not what is measured.
    let fullPdf: Buffer | null = null;
    let onePdf: Buffer | null = null;
    for (let i = 0; i < WARMUP; i++) {
      fullPdf = await renderModelPdf(full);
      onePdf = await renderModelPdf(one);
    }
    if (!fullPdf || !onePdf) throw new Error('预热未生成 PDF');
    if (pageCount(onePdf) !== 1) throw new Error(`对照 PDF 应为 1 页，实际 ${pageCount(onePdf)} 页`);
    if (fullPdf.length >= MAX_BYTES) throw new Error(`报告 PDF 过大：${fullPdf.length} 字节（上限 3 MB）`);
    // Interleaved, so load from other processes on the machine hits both sides alike.
    const oneTimes: { cpu: number; wall: number }[] = [];
    const fullTimes: { cpu: number; wall: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      oneTimes.push(await timed(() => renderModelPdf(one)));
      fullTimes.push(await timed(() => renderModelPdf(full)));
    }
    // Each pair ran back to back, so a slow spell on the shared machine hits both halves of a pair;
    // the median of the pair ratios is steadier than the ratio of the medians.
    const pairRatio = median(fullTimes.map((t, i) => t.cpu / oneTimes[i]!.cpu));
    const oneCpu = median(oneTimes.map((t) => t.cpu));
    const fullCpu = median(fullTimes.map((t) => t.cpu));
    const oneWall = median(oneTimes.map((t) => t.wall));
    const fullWall = median(fullTimes.map((t) => t.wall));
    if (fullWall >= MAX_WARM_MS) throw new Error(`完整报告热态生成用时 ${fullWall.toFixed(0)} 毫秒，超过 ${MAX_WARM_MS} 毫秒`);
    return {
      ratio: pairRatio,
      detail:
        `full=${fullCpu.toFixed(0)}ms one-page=${oneCpu.toFixed(0)}ms (cpu, median; ratio of medians ${(fullCpu / oneCpu).toFixed(2)}) ` +
        `wall full=${fullWall.toFixed(0)}ms one-page=${oneWall.toFixed(0)}ms ` +
        `size=${(fullPdf.length / 1024).toFixed(0)}KB pages=${pageCount(fullPdf)} ` +
        // What each page after the first adds. The per-document part (pdfkit opening the five
        // fonts, ~25–30 ms) is only part of the one-page baseline; the rest is per-glyph work.
        `per-extra-page=${((fullCpu - oneCpu) / Math.max(1, pageCount(fullPdf) - 1)).toFixed(1)}ms`,
    };
  },
};

export default reportPdf;
