// Width of printed text in body characters, as the 仿宋/宋体 faces set it: CJK characters and
// full-width forms take one, everything else (digits, Latin letters, underscores) half.

export function widthInChars(text: string): number {
  let w = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    w += cp >= 0x2e80 || (cp >= 0x2000 && cp <= 0x206f) || (cp >= 0xff00 && cp <= 0xffef) ? 1 : 0.5;
  }
  return w;
}
