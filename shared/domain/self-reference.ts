// How a department refers to itself in its own report ("我局认真落实…"). Chinese official usage takes
// the last word of the department's name: 财政局 → 我局, 办公室 → 我办, 融媒体中心 → 我中心.

/** Name endings and the self-reference each gives, longest first so 委员会 wins over 会. */
const ENDINGS: ReadonlyArray<readonly [string, string]> = [
  ['办公室', '我办'],
  ['委员会', '我委'],
  ['中心', '我中心'],
  ['局', '我局'],
  ['院', '我院'],
  ['馆', '我馆'],
  ['所', '我所'],
  ['站', '我站'],
  ['队', '我队'],
  ['办', '我办'],
  ['委', '我委'],
  ['厅', '我厅'],
];

export const FALLBACK_SELF_NAME = '我单位';

/** The self-reference a department name suggests; a trailing note in brackets（本级）is ignored. */
export function defaultSelfName(departmentName: string): string {
  const name = departmentName.trim().replace(/[（(][^（）()]*[）)]\s*$/u, '').trim();
  for (const [ending, self] of ENDINGS) if (name.endsWith(ending)) return self;
  return FALLBACK_SELF_NAME;
}

/** The self-reference in use: the one the user set, else the one the name suggests. */
export function selfNameOf(dept: { name: string; selfName: string } | null | undefined): string {
  if (!dept) return FALLBACK_SELF_NAME;
  return dept.selfName.trim() || defaultSelfName(dept.name);
}
