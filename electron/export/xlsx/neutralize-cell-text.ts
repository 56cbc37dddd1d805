// Spreadsheet formula injection (CWE-1236, OWASP ASVS V1.2.10): user text that starts with a
// formula trigger gets a leading apostrophe, so it stays text even after someone edits and re-saves
// the cell. Numbers never pass through here; they are written as numbers.

const TRIGGERS = /^[=+\-@\t\r\0]/;

export function neutralizeCellText(text: string): string {
  return TRIGGERS.test(text) ? `'${text}` : text;
}
