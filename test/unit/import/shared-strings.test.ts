import { describe, expect, it } from 'vitest';
import { SharedStringScanner } from '../../../electron/import/xlsx/shared-strings-part.ts';

// The string table arrives in inflated chunks of any size: every split point must give the same strings.

const SST = `<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>摘要</t></si><!-- c --><si><r><t>办公</t></r><r><rPr><b/></rPr><t xml:space="preserve">费 &amp; &#x4E2D;&lt;</t></r><rPh sb="0" eb="1"><t>バン</t></rPh></si><si><t/></si><si/><si><t><![CDATA[<a&b>]]>&quot;x&quot;</t></si><x:si><x:t>前缀</x:t></x:si><si><t>第一行_x000D_第二行</t></si></sst>`;
const EXPECTED = ['摘要', '办公费 & 中<', '', '', '<a&b>"x"', '前缀', '第一行\r第二行'];

function scan(chunks: string[]): string[] {
  const out: string[] = [];
  const scanner = new SharedStringScanner((t) => out.push(t));
  for (const c of chunks) scanner.write(c);
  scanner.end();
  return out;
}

describe('the shared string scanner', () => {
  it('reads rich text, phonetic runs, entities, CDATA and prefixes the same at every chunk boundary', () => {
    expect(scan([SST])).toEqual(EXPECTED);
    for (let i = 1; i < SST.length; i++) expect(scan([SST.slice(0, i), SST.slice(i)])).toEqual(EXPECTED);
  });

  it('refuses a DTD, an unknown entity and a truncated table', () => {
    expect(() => scan(['<!DOCTYPE x [<!ENTITY a "b">]><sst><si><t>&a;</t></si></sst>'])).toThrow(/DTD/);
    expect(() => scan(['<sst><si><t>&xxe;</t></si></sst>'])).toThrow(/undefined entity/);
    expect(() => scan(['<sst><si><t>abc'])).toThrow(/incomplete/);
  });
});
