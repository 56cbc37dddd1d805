import pdfmake from 'pdfmake';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { ProjectEvalGrid } from '../../../shared/project-eval/table-grid.ts';
import { PAGE, PAGE_NUMBER_GAP, SIZE } from './page-layout.ts';
import { FONT_SIZE, gridContent, LINE_HEIGHT } from './project-eval-grid.ts';
import { preparePdfFonts, type RenderPdfOptions } from './render-report-pdf.ts';
import { createTextNodes, type TextMetrics } from './text-nodes.ts';

// The 项目支出绩效自评表 of every project, one table per page, in the report's page geometry,
// faces and line breaker. A draft (year not finalized) says 草稿 in every footer.

export interface ProjectEvalPdfInput {
  grids: ProjectEvalGrid[];
  draft: boolean;
  /** Creation date (YYYY-MM-DD) so the same data gives the same bytes. */
  date: string;
  title: string;
}

/** One page per project: title, year, the table. */
export function projectEvalPages(grids: ProjectEvalGrid[], metrics: TextMetrics, firstBreak: boolean): Content[] {
  const { txt } = createTextNodes(metrics);
  return grids.map((g, i) => ({
    stack: [
      txt(g.title, 'songBold', SIZE.xiaoEr, 1.5, { alignment: 'center' }),
      txt(g.subtitle, 'kai', SIZE.si, 1.5, { alignment: 'center', margin: [0, 0, 0, 6] }),
      gridContent(g, metrics),
    ],
    ...(i > 0 || firstBreak ? { pageBreak: 'before' as const } : {}),
  }));
}

export async function renderProjectEvalPdf(input: ProjectEvalPdfInput, opts: RenderPdfOptions = {}): Promise<Buffer> {
  const fonts = await preparePdfFonts(opts);
  const { txt } = createTextNodes(fonts);
  const date = new Date(`${input.date}T00:00:00+08:00`);
  const dd: TDocumentDefinitions = {
    pageSize: PAGE.size,
    pageMargins: [PAGE.marginLeft, PAGE.marginTop, PAGE.marginRight, PAGE.marginBottom],
    defaultStyle: { font: 'fang', fontSize: FONT_SIZE, lineHeight: LINE_HEIGHT },
    content: input.grids.length > 0 ? projectEvalPages(input.grids, fonts, false) : [txt('本年度没有项目支出。', 'fang', SIZE.san, 1.5)],
    footer: (currentPage: number) =>
      txt(input.draft ? `草稿　　— ${currentPage} —` : `— ${currentPage} —`, 'serif', SIZE.si, 1, {
        alignment: currentPage % 2 === 1 ? 'right' : 'left',
        margin: [PAGE.marginLeft + SIZE.si, PAGE_NUMBER_GAP, PAGE.marginRight + SIZE.si, 0],
      }),
    info: { title: input.title, creator: 'SelfEval Desk', producer: 'SelfEval Desk', creationDate: date, modDate: date },
    language: 'zh-CN',
  };
  return pdfmake.createPdf(dd).getBuffer();
}
