import type { RenderedFile } from '../../../shared/report/api-schemas.ts';

export function fileBytes(file: RenderedFile): Uint8Array<ArrayBuffer> {
  const bin = atob(file.base64);
  const bytes = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

/**
 * Hands a file to the user: the browser's download, which Electron turns into a native
 * “save as” dialog, so the user chooses where it goes.
 */
export function saveFile(file: RenderedFile): void {
  const url = URL.createObjectURL(new Blob([fileBytes(file)], { type: file.mimeType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
