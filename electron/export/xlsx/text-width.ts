// Column widths in Excel character units: a CJK (full-width) character takes two, others one.

export function displayWidth(text: string): number {
  // By UTF-16 unit rather than by code point (a million-row detail sheet measures every cell): a
  // surrogate pair is one character beyond U+FFFF, two units wide, like a lone surrogate.
  let w = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
      w += 2;
    } else w += c >= 0x2e80 || (c >= 0x1100 && c <= 0x115f) || (c >= 0xff00 && c <= 0xffef) ? 2 : 1;
  }
  return w;
}

/** Width that fits the longest line of each sample, with padding, clamped to a sane range. */
export function fitColumnWidth(samples: Iterable<string>, min = 8, max = 60): number {
  let widest = 0;
  for (const s of samples) for (const line of s.split('\n')) widest = Math.max(widest, displayWidth(line));
  return Math.min(max, Math.max(min, widest + 2));
}
