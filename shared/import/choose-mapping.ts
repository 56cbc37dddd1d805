// Which column mapping an import uses: the one the user edited (by column index), else the profile
// the user picked, else a saved profile recognised by the header signature, else the automatic
// synonym match.

import { autoMapping, mappingFromHeaderNames } from './auto-mapping.ts';
import type { HeaderColumn } from './detect-header.ts';
import type { ColumnMapping, ImportField, ImportTarget } from './fields.ts';

export interface ProfileCandidate {
  id: number;
  name: string;
  headerSignature: string;
  columns: Partial<Record<ImportField, string>>;
}

export interface MappingChoice {
  mapping: ColumnMapping;
  source: 'option' | 'profile' | 'auto';
  profile: { id: number; name: string } | null;
  warnings: string[];
}

export function chooseMapping(
  columns: readonly HeaderColumn[],
  target: ImportTarget,
  signature: string,
  opts: { mapping?: ColumnMapping; profileId?: number; autoProfile: boolean; profiles: readonly ProfileCandidate[] },
): MappingChoice {
  if (opts.mapping) return { mapping: { ...opts.mapping }, source: 'option', profile: null, warnings: [] };
  const chosen =
    opts.profileId !== undefined
      ? opts.profiles.find((p) => p.id === opts.profileId)
      : opts.autoProfile
        ? opts.profiles.find((p) => p.headerSignature === signature)
        : undefined;
  if (chosen) {
    const { mapping, missing } = mappingFromHeaderNames(columns, chosen.columns);
    if (missing.length === 0) {
      return { mapping, source: 'profile', profile: { id: chosen.id, name: chosen.name }, warnings: [] };
    }
    return {
      mapping: autoMapping(columns, target),
      source: 'auto',
      profile: null,
      warnings: [`映射方案“${chosen.name}”中的列 ${missing.map((m) => `“${m}”`).join('、')} 在文件中找不到，已改用自动识别。`],
    };
  }
  return { mapping: autoMapping(columns, target), source: 'auto', profile: null, warnings: [] };
}
