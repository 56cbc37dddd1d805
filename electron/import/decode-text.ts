// Decodes a text export before it is split (reliability-notes §3.4): BOM first, then strict UTF-8,
// then GB18030 (a superset of GBK, what Chinese Windows writes). Never a statistical guess; the
// preview shows the choice and the user can switch.

import iconv from 'iconv-lite';
import type { TextEncoding, TextEncodingChoice } from '../../shared/import/file-formats.ts';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  source: 'bom' | 'utf8' | 'fallback' | 'option';
}

function bomEncoding(bytes: Buffer): { encoding: TextEncoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  if (bytes[0] === 0x84 && bytes[1] === 0x31 && bytes[2] === 0x95 && bytes[3] === 0x33) return { encoding: 'gb18030', length: 4 };
  return null;
}

function decodeAs(bytes: Buffer, encoding: TextEncoding): string {
  if (encoding === 'utf-8') return new TextDecoder('utf-8').decode(bytes);
  return iconv.decode(bytes, encoding);
}

export function decodeText(bytes: Buffer, choice: TextEncodingChoice = 'auto'): DecodedText {
  const bom = bomEncoding(bytes);
  if (choice !== 'auto') {
    const body = bom && bom.encoding === choice ? bytes.subarray(bom.length) : bytes;
    return { text: decodeAs(body, choice), encoding: choice, source: 'option' };
  }
  if (bom) return { text: decodeAs(bytes.subarray(bom.length), bom.encoding), encoding: bom.encoding, source: 'bom' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', source: 'utf8' };
  } catch {
    return { text: iconv.decode(bytes, 'gb18030'), encoding: 'gb18030', source: 'fallback' };
  }
}
