import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../shared/api/client.ts';
import { readZipText } from '../export/zip-entry.ts';
import { openTestApp, tempPath } from '../temp-db.ts';

// Whether the signature lines carry typed names is the office's choice, stored with the year's
// signature block and honoured by every export.

function pdfText(base64: string): string {
  const file = tempPath('sig.pdf');
  writeFileSync(file, Buffer.from(base64, 'base64'));
  return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
}

describe('signature names option', () => {
  it('is stored per year; off leaves the lines blank to sign, on prints the names, in PDF and Word alike', async () => {
    const app = openTestApp();
    const api = createClient({ invoke: app.dispatch });
    await api.call('example.load', {});
    const example = await api.call('report.signature', { yearId: 1 });
    // The example office prints its people's names.
    expect(example.printNames).toBe(true);
    expect(pdfText((await api.call('report.render', { yearId: 1, format: 'pdf' })).base64)).toContain(`单位负责人：${example.unitHead}`);

    const saved = await api.call('report.saveSignature', { ...example, printNames: false });
    expect(saved.printNames).toBe(false);
    expect((await api.call('report.signature', { yearId: 1 })).printNames).toBe(false);
    const text = pdfText((await api.call('report.render', { yearId: 1, format: 'pdf' })).base64);
    expect(text).toContain('单位负责人：');
    expect(text).not.toContain(example.unitHead);
    expect(text).not.toContain(example.preparer);
    // The contact number is not a signature: it stays.
    expect(text).toContain(`联系电话：${example.phone}`);
    const docx = Buffer.from((await api.call('report.render', { yearId: 1, format: 'docx' })).base64, 'base64');
    const xml = await readZipText(docx, 'word/document.xml');
    expect(xml).toContain('>单位负责人：<');
    expect(xml).not.toContain(example.unitHead);
  });

  it('is off for a caller that does not name it, and refuses a value that is not yes or no', async () => {
    const app = openTestApp();
    const api = createClient({ invoke: app.dispatch });
    await api.call('example.load', {});
    const { printNames: _omit, ...rest } = await api.call('report.signature', { yearId: 1 });
    expect((await api.call('report.saveSignature', rest)).printNames).toBe(false);
    await expect(api.call('report.saveSignature', { ...rest, printNames: 'yes' as unknown as boolean })).rejects.toThrow(/打印姓名/);
    expect((await api.call('report.signature', { yearId: 1 })).printNames).toBe(false);
  });
});
