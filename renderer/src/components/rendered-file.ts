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
  saveBlob(file.fileName, new Blob([fileBytes(file)], { type: file.mimeType }));
}

export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
