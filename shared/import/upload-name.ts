// The name an uploaded file is kept under. The name comes from the user's machine (any OS), so it
// is reduced to one path segment every file system accepts: no folders, no reserved or control
// characters, no Windows device names, no trailing dots or spaces. A name with nothing left
// ('.', '..', only dots or reserved characters) is refused in words, not used as a path.

const RESERVED_CHARS = /[<>:"/\\|?*]/g;
const isControl = (ch: string) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f;
const withoutControls = (s: string, by: string) => [...s].map((ch) => (isControl(ch) ? by : ch)).join('');
// Windows refuses these as a file name with any extension, in any case.
const DEVICE_NAMES = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])$/i;
const MAX_NAME = 120;

export type UploadName = { ok: true; name: string } | { ok: false; message: string };

const shown = (s: string) => withoutControls(s, '').slice(0, 60);

export function safeUploadName(fileName: string): UploadName {
  const last = fileName.split(/[/\\]/).pop() ?? '';
  let name = withoutControls(last, '_').replace(RESERVED_CHARS, '_').trim().replace(/[\s.]+$/, '');
  if (name === '' || /^[._\s]*$/.test(name)) {
    return {
      ok: false,
      message: `文件名“${shown(fileName)}”无效：没有可用的文件名（只有点号、空格或不允许的字符）。请把文件改为普通的名称（例如“银行流水.xlsx”）后重新选择。`,
    };
  }
  const dot = name.indexOf('.');
  const stem = dot < 0 ? name : name.slice(0, dot);
  if (DEVICE_NAMES.test(stem.trim())) name = `_${name}`;
  if (name.length > MAX_NAME) {
    const ext = /\.[^.]{1,10}$/.exec(name)?.[0] ?? '';
    name = name.slice(0, MAX_NAME - ext.length) + ext;
  }
  return { ok: true, name };
}
