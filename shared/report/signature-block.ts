import { widthInChars } from './char-width.ts';

// The report's closing block, placed as GB/T 9704-2012 §7.3.5.1 places 署名 and 成文日期 on a sealed
// document: the date on a line of its own ends four characters in from the right margin, the unit
// name is centred over the date (never past the margin), and under them the people sign on lines
// left blank for it. Positions are in body characters (3号, 16 pt), so the PDF, Word and Excel
// renderers all print the same block from this one model.

/** 成文日期 右空四字. */
export const DATE_RIGHT_CHARS = 4;
/** A full body line of the 22 × 28 grid. */
export const LINE_CHARS = 28;
/** Room left to sign by hand after a label, in characters (underscores are half-width). */
export const SIGN_BLANK_CHARS = 7;
/** Each signature field takes half a body line. */
export const FIELD_CHARS = LINE_CHARS / 2;

export interface SignatureFields {
  unitHead: string;
  financeHead: string;
  preparer: string;
  phone: string;
  /** Unit name printed as 署名 (the seal goes over it and the date). */
  sealingUnit: string;
  /** "2022年3月15日", or "" for a date to be written by hand. */
  dateText: string;
  /** Print the people's names; otherwise their lines stay blank for a handwritten signature. */
  printNames: boolean;
}

export interface SignatureBlockModel {
  unit: string;
  date: string;
  /** Right indent of the date line, in body characters. */
  dateRightChars: number;
  /** Right indent of the unit line, in body characters (a multiple of ½). */
  unitRightChars: number;
  /** Sign lines, two fields each; a field is at most FIELD_CHARS wide. */
  rows: [SignatureField, SignatureField][];
}

export interface SignatureField {
  label: string;
  /** What is printed after the label; null leaves SIGN_BLANK_CHARS underlined for a signature. */
  value: string | null;
}

/** The blank as plain text (a spreadsheet cell): half-width underscores. */
const BLANK_TEXT = '_'.repeat(SIGN_BLANK_CHARS * 2);

/** A field as one line of plain text. */
export function fieldText(f: SignatureField): string {
  return `${f.label}：${f.value ?? BLANK_TEXT}`;
}
/** A date line to fill in by hand: 年、月、日 with room for the figures. */
export const HANDWRITTEN_DATE = '\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日';

/**
 * Right indent that centres a line of `width` over the date; a name too long to centre ends at
 * the right margin instead. Rounded to half characters so Excel and Word can pad it exactly.
 */
export function centredOverDate(width: number, dateWidth: number): number {
  const centreFromRight = DATE_RIGHT_CHARS + dateWidth / 2;
  return Math.max(0, Math.round((centreFromRight - width / 2) * 2) / 2);
}

export function buildSignatureBlock(f: SignatureFields): SignatureBlockModel {
  const person = (label: string, name: string): SignatureField => ({ label, value: f.printNames && name.trim() !== '' ? name.trim() : null });
  const date = f.dateText === '' ? HANDWRITTEN_DATE : f.dateText;
  return {
    unit: f.sealingUnit,
    date,
    dateRightChars: DATE_RIGHT_CHARS,
    unitRightChars: centredOverDate(widthInChars(f.sealingUnit), widthInChars(date)),
    rows: [
      [person('单位负责人', f.unitHead), person('财务负责人', f.financeHead)],
      // A contact number is not a signature: printed whenever the office gave one.
      [person('填报人', f.preparer), { label: '联系电话', value: f.phone.trim() === '' ? null : f.phone.trim() }],
    ],
  };
}

/** A line of text followed by `chars` characters of space (full-width, then one half-width). */
export function padRight(text: string, chars: number): string {
  const full = Math.floor(chars);
  return `${text}${'\u3000'.repeat(full)}${chars - full >= 0.5 ? ' ' : ''}`;
}

export interface PlainLine {
  text: string;
  align: 'left' | 'right';
}

/**
 * The block as plain lines for a medium with no indents, such as a spreadsheet cell: right-aligned
 * lines carry their right indent as trailing spaces, and each sign line's first field is padded to
 * half a line. Blank lines stand where the PDF and Word leave one.
 */
export function signatureAsPlainLines(s: SignatureBlockModel): PlainLine[] {
  return [
    { text: '', align: 'left' },
    { text: padRight(s.unit, s.unitRightChars), align: 'right' },
    { text: padRight(s.date, s.dateRightChars), align: 'right' },
    { text: '', align: 'left' },
    ...s.rows.map(([left, right]): PlainLine => {
      const first = fieldText(left);
      return { text: `${padRight(first, Math.max(1, FIELD_CHARS - widthInChars(first)))}${fieldText(right)}`, align: 'left' };
    }),
  ];
}
