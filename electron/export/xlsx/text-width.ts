// Column widths in Excel character units: a CJK (full-width) character takes two, others one.

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w += cp >= 0x2e80 || (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0xff00 && cp <= 0xffef) ? 2 : 1;
  }
  return w;
}

/** Width that fits the longest line of each sample, with padding, clamped to a sane range. */
export function fitColumnWidth(samples: Iterable<string>, min = 8, max = 60): number {
  let widest = 0;
  for (const s of samples) for (const line of s.split('\n')) widest = Math.max(widest, displayWidth(line));
  return Math.min(max, Math.max(min, widest + 2));
}
