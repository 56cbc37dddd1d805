import { Spin, Typography } from 'antd';
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { useEffect, useRef, useState } from 'react';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/** Renders every page of a PDF to canvases at `scale` (1 = 72 dpi). */
export async function renderPdfPages(bytes: Uint8Array, scale: number): Promise<HTMLCanvasElement[]> {
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: false }).promise;
  const canvases: HTMLCanvasElement[] = [];
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const viewport = page.getViewport({ scale });
      const canvas = document.createElement('canvas');
      canvas.width = Math.ceil(viewport.width);
      canvas.height = Math.ceil(viewport.height);
      await page.render({ canvas, viewport }).promise;
      canvases.push(canvas);
    }
  } finally {
    await doc.destroy();
  }
  return canvases;
}

/** The exact PDF the app exports, drawn page by page (pdf.js), so what is previewed is what is printed. */
export function PdfPreview({ bytes }: { bytes: Uint8Array | null }) {
  const host = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'done' | 'error'>('idle');
  const [pages, setPages] = useState(0);
  useEffect(() => {
    if (!bytes || !host.current) return;
    let cancelled = false;
    setState('loading');
    renderPdfPages(bytes, 1.2).then(
      (canvases) => {
        if (cancelled || !host.current) return;
        host.current.replaceChildren(
          ...canvases.map((c, i) => {
            c.className = 'pdf-page';
            c.dataset.page = String(i + 1);
            return c;
          }),
        );
        setPages(canvases.length);
        setState('done');
      },
      () => !cancelled && setState('error'),
    );
    return () => {
      cancelled = true;
    };
  }, [bytes]);
  return (
    <div>
      {state === 'loading' && <Spin tip="正在生成预览…" />}
      {state === 'error' && <Typography.Text type="danger">预览失败，请直接导出 PDF 查看。</Typography.Text>}
      {state === 'done' && <Typography.Text type="secondary">共 {pages} 页</Typography.Text>}
      <div ref={host} className="pdf-pages" data-testid="pdf-preview" />
    </div>
  );
}

/**
 * Prints the PDF through the system print dialog: its pages are drawn at print resolution into a
 * print-only container and window.print() opens the dialog (Electron's native one on the desktop).
 */
export async function printPdf(bytes: Uint8Array): Promise<void> {
  const canvases = await renderPdfPages(bytes, 2.5);
  const container = document.createElement('div');
  container.className = 'print-only';
  for (const c of canvases) {
    const img = document.createElement('img');
    img.src = c.toDataURL('image/png');
    container.appendChild(img);
  }
  document.body.appendChild(container);
  document.body.classList.add('printing');
  try {
    await Promise.all([...container.querySelectorAll('img')].map((img) => img.decode()));
    window.print();
  } finally {
    document.body.classList.remove('printing');
    container.remove();
  }
}
