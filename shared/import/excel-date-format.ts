// Whether a cell's number format shows a date: built-in ids 14–22, 27–36, 45–47, 50–58 (the
// CJK date formats), or a format code with y/m/d/h/s outside quoted text and [colour] sections.

const BUILTIN_DATE_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

export function isBuiltinDateFormat(id: number): boolean {
  return BUILTIN_DATE_IDS.has(id);
}

export function isDateFormatCode(code: string): boolean {
  // Only the first section (positive numbers) decides.
  let s = code.split(';')[0] ?? '';
  s = s
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/general/gi, '');
  return /[ymdhs]/i.test(s);
}
