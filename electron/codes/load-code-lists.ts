import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppError } from '../../shared/api/app-error.ts';
import { type CodeKind, CodeListFile, type CodeLists, toCodeList } from '../../shared/budget/code-list.ts';

// The 功能分类 / 经济分类 lists ship as JSON in resources/codes. SELFEVAL_CODES_DIR overrides the
// folder (the packaged app sets it to its resources path; a finance office can point it at a newer
// year's lists). Parsed once per folder.

const FILES: Record<CodeKind, string> = { func: 'func-codes.json', econ: 'econ-codes.json' };

export function codeListsDir(): string {
  const override = process.env.SELFEVAL_CODES_DIR;
  if (override) return override;
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../resources/codes');
}

function readList(dir: string, kind: CodeKind) {
  const file = join(dir, FILES[kind]);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AppError('INTERNAL', `无法读取分类科目表 ${file}：${(err as Error).message}`);
  }
  const parsed = CodeListFile.safeParse(raw);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new AppError('INTERNAL', `分类科目表 ${file} 格式有误（${first?.path.join('.') ?? ''}：${first?.message ?? ''}）`);
  }
  if (parsed.data.kind !== kind) throw new AppError('INTERNAL', `分类科目表 ${file} 的 kind 应为 ${kind}，实际为 ${parsed.data.kind}`);
  return toCodeList(parsed.data);
}

const cache = new Map<string, CodeLists>();

export function loadCodeLists(dir = codeListsDir()): CodeLists {
  const hit = cache.get(dir);
  if (hit) return hit;
  const lists = { func: readList(dir, 'func'), econ: readList(dir, 'econ') };
  cache.set(dir, lists);
  return lists;
}
