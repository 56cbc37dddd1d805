// Text clean-up for spreadsheet cells. Parsing (amounts, dates, codes, header names) works on the
// NFKC form, which folds full-width digits, （）, ￥ and odd spaces into plain ASCII; stored text
// (摘要, 对方户名) keeps the user's characters — NFKC would turn a Chinese "，" into "," in the report.

// Only these characters survive NFKC unchanged, so strings made of them skip the costly call.
const NFKC_STABLE = /^[\x20-\x7e\u4e00-\u9fff]*$/;
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const LINE_BREAKS = /[\t\r\n\u2028\u2029]+/g;
const SPACES = /[ \u00a0\u3000]{2,}/g;

/** NFKC, U+2212 MINUS SIGN as "-", invisible characters removed, trimmed. */
export function toParseText(text: string): string {
  let s = NFKC_STABLE.test(text) ? text : text.normalize('NFKC');
  if (s.includes('\u2212')) s = s.replaceAll('\u2212', '-');
  if (s.length > 0 && (s.charCodeAt(0) > 0x7e || s.charCodeAt(s.length - 1) > 0x7e || s.includes('\u200b'))) {
    s = s.replace(INVISIBLE, '');
  }
  return s.trim();
}

/** Text as it will be stored: no control or invisible characters, one line, single spaces, capped. */
export function cleanStoredText(text: string, max = 500): string {
  let s = text;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point.
  if (/[\u0000-\u001f\u007f\u00a0\u00ad\u200b-\u200d\u2028\u2029\u2060\u3000\ufeff]|\s{2}/.test(s)) {
    s = s.replace(LINE_BREAKS, ' ').replace(CONTROL, '').replace(INVISIBLE, '').replace(SPACES, ' ');
    s = s.replace(/[\u00a0\u3000]/g, ' ');
  }
  s = s.trim();
  return s.length > max ? s.slice(0, max) : s;
}

/**
 * The comparable form of a header or label: NFKC, no whitespace, lower case, 帐 → 账 (both
 * spellings occur in bank exports), trailing colon removed.
 */
export function headerKey(text: string): string {
  return toParseText(text)
    .replace(/\s+/g, '')
    .replaceAll('帐', '账')
    .replace(/[:：]+$/, '')
    .toLowerCase();
}
