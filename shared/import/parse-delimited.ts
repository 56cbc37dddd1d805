// CSV/TSV on already-decoded text (decoding first means a GBK trail byte can never be taken for a
// delimiter). RFC 4180 quoting; the delimiter is sniffed by how consistently it splits the lines.

export const DELIMITERS = [',', '\t', ';', '|', '，'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

export const DELIMITER_LABELS: Record<Delimiter, string> = {
  ',': '逗号',
  '\t': '制表符',
  ';': '分号',
  '|': '竖线',
  '，': '中文逗号',
};

function countFields(line: string, delimiter: string): number {
  let n = 1;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === delimiter) n++;
  }
  return n;
}

/** Picks the delimiter that splits the most of the first lines into the same number (> 1) of fields. */
export function sniffDelimiter(text: string): Delimiter {
  const lines = text
    .slice(0, 256 * 1024)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 50);
  let best: { d: Delimiter; lines: number; fields: number } = { d: ',', lines: 0, fields: 1 };
  for (const d of DELIMITERS) {
    const counts = new Map<number, number>();
    for (const line of lines) {
      const n = countFields(line, d);
      if (n > 1) counts.set(n, (counts.get(n) ?? 0) + 1);
    }
    for (const [fields, count] of counts) {
      if (count > best.lines || (count === best.lines && fields > best.fields)) best = { d, lines: count, fields };
    }
  }
  return best.d;
}

/** Yields each record's fields (a field longer than `maxFieldChars` is cut). */
export function* parseDelimited(text: string, delimiter: string, maxFieldChars: number): Generator<string[]> {
  const n = text.length;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < n) {
    const record: string[] = [];
    for (;;) {
      let field: string;
      if (text[i] === '"') {
        let value = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0) {
            value += text.slice(j);
            j = n;
            break;
          }
          value += text.slice(j, q);
          if (text[q + 1] === '"') {
            value += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
          if (value.length > maxFieldChars) break;
        }
        // Text between the closing quote and the delimiter is kept, as Excel does.
        let k = j;
        while (k < n && text[k] !== delimiter && text[k] !== '\n' && text[k] !== '\r') k++;
        field = value + text.slice(j, k);
        i = k;
      } else {
        let k = i;
        while (k < n && text[k] !== delimiter && text[k] !== '\n' && text[k] !== '\r') k++;
        field = text.slice(i, k);
        i = k;
      }
      record.push(field.length > maxFieldChars ? field.slice(0, maxFieldChars) : field);
      if (i < n && text[i] === delimiter) {
        i++;
        continue;
      }
      break;
    }
    if (text[i] === '\r') i++;
    if (text[i] === '\n') i++;
    yield record;
  }
}
