import type { FaceId } from './font-registry.ts';
import { appendRun, type Coverage, type FontRun, faceFor, splitRuns } from './font-runs.ts';

// Chinese line breaking done here rather than by pdfmake. pdfmake treats every ideograph as a word
// and lays out, styles and draws each one separately; handing it whole lines (one unbreakable run
// per font) makes a page several hundred inlines lighter. Justification becomes character spacing
// spread evenly over the line, the way Word's 两端对齐 looks. Breaking follows the usual 避头尾 rules:
// no line starts with closing punctuation and none ends with an opening bracket or quote.

const NO_LINE_START = new Set([...'，。、；：？！）》」』】〕〉”’…—％%·,.;:?!)]}']);
const NO_LINE_END = new Set([...'（《「『【〔〈“‘([{']);

/** Width of `text` in `face` at `size` points. */
export type MeasureText = (text: string, face: FaceId, size: number) => number;

export interface BrokenLine {
  runs: FontRun[];
  /** Natural width in points, before justification. */
  width: number;
  /** Width available to this line. */
  available: number;
  last: boolean;
  /** Spacing after every character but the last (negative on the 28-character body grid). */
  tracking: number;
}

interface Token {
  text: string;
  space: boolean;
}

function isWide(cp: number): boolean {
  return cp >= 0x2e80 || (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0xff00 && cp <= 0xffef);
}

/** Ideographs and CJK punctuation one by one; runs of Latin letters/digits as one token. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let latin = '';
  const flush = () => {
    if (latin !== '') out.push({ text: latin, space: false });
    latin = '';
  };
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (ch === ' ' || ch === '\t') {
      flush();
      out.push({ text: ' ', space: true });
    } else if (isWide(cp)) {
      flush();
      out.push({ text: ch, space: false });
    } else {
      latin += ch;
    }
  }
  flush();
  return out;
}

export function breakLines(
  text: string,
  face: FaceId,
  size: number,
  width: number,
  firstIndent: number,
  measure: MeasureText,
  covers: Coverage,
  tracking = 0,
): BrokenLine[] {
  const tokens = tokenize(text);
  const n = tokens.length;
  // Most tokens are one character in one face; only Latin words can mix faces.
  const runsOf = tokens.map((t): FontRun[] =>
    t.text.length === 1 ? [{ text: t.text, face: faceFor(t.text.charCodeAt(0), face, covers) }] : splitRuns(t.text, face, covers),
  );
  const glyphWidths = runsOf.map((runs) => {
    let w = 0;
    for (const r of runs) w += measure(r.text, r.face, size);
    return w;
  });
  // Each character is followed by `tracking`; the line's last one is not, hence "− tracking" below.
  const widths = tokens.map((t, i) => glyphWidths[i]! + tracking * t.text.length);
  const lines: { from: number; to: number }[] = [];
  let from = 0;
  let used = 0;
  let available = width - firstIndent;
  for (let i = 0; i < tokens.length; i++) {
    const w = widths[i]!;
    if (i === from && tokens[i]!.space) {
      from = i + 1;
      continue;
    }
    if (used + w - tracking <= available + 0.001 || i === from) {
      used += w;
      continue;
    }
    // Token i does not fit: end the line before it, moving back tokens that may not end a line
    // or, if i may not start one, the character before it.
    let end = i;
    while (end - 1 > from && NO_LINE_START.has(tokens[end]!.text)) end--;
    while (end - 1 > from && NO_LINE_END.has(tokens[end - 1]!.text)) end--;
    // Nothing left to move back (a column as narrow as "（次）"): the line keeps what may not be
    // parted from it and runs a little long, rather than leaving a lone "（" or starting with "）".
    const breaksRule = (e: number) => NO_LINE_END.has(tokens[e - 1]!.text) || (e < n && NO_LINE_START.has(tokens[e]!.text));
    if (breaksRule(end)) {
      end = i;
      while (end < n && breaksRule(end)) end++;
    }
    lines.push({ from, to: end });
    from = end;
    available = width;
    used = 0;
    i = end - 1;
  }
  if (from < tokens.length) lines.push({ from, to: tokens.length });

  return lines.map((l, k) => {
    let to = l.to;
    while (to > l.from && tokens[to - 1]!.space) to--;
    // Joining the tokens' runs gives the same maximal runs as splitting the line's text again.
    const runs: FontRun[] = [];
    let lineWidth = 0;
    for (let i = l.from; i < to; i++) {
      for (const r of runsOf[i]!) appendRun(runs, r.text, r.face);
      lineWidth += glyphWidths[i]!;
    }
    return { runs, width: lineWidth, available: k === 0 ? width - firstIndent : width, last: k === lines.length - 1, tracking };
  });
}

/**
 * Spacing per character gap that makes a line fill its width; the line's own tracking on the last
 * line or when filling it would look torn.
 */
export function justifySpacing(line: BrokenLine, size: number): number {
  if (line.last) return line.tracking;
  // pdfmake counts (UTF-16 length − 1) gaps per run, so spacing is spread over that many gaps.
  const chars = line.runs.reduce((s, r) => s + r.text.length, 0);
  const gaps = chars - line.runs.length;
  if (gaps <= 0) return line.tracking;
  // A hair short of full width so rounding never pushes the line over.
  const cs = (line.available - line.width - 0.01) / gaps;
  return cs > line.tracking && cs <= line.tracking + size * 0.35 ? cs : line.tracking;
}
