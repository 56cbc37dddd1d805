// Projects are rows of one year, so last year's project ids mean nothing this year. A last-year
// project is the same project when its code (if any) or else its name matches.

export interface ProjectRef {
  id: number;
  code: string;
  name: string;
}

/** Last year's project key ('0' or an id) → this year's key, or 'ly:<id>' for a project that ended. */
export function lastYearProjectKeys(current: readonly ProjectRef[], last: readonly ProjectRef[]): Map<string, string> {
  const byCode = new Map(current.filter((p) => p.code.trim() !== '').map((p) => [p.code.trim(), p.id]));
  const byName = new Map(current.map((p) => [p.name.trim(), p.id]));
  const map = new Map<string, string>([['0', '0']]);
  for (const p of last) {
    const code = p.code.trim();
    const id = (code !== '' ? byCode.get(code) : undefined) ?? byName.get(p.name.trim());
    map.set(String(p.id), id !== undefined ? String(id) : `ly:${p.id}`);
  }
  return map;
}

/** Re-keys aggregated rows, adding up rows that land on the same key. */
export function rekey<T extends { key: string }>(rows: readonly T[], map: ReadonlyMap<string, string>, add: (a: T, b: T) => T): T[] {
  const out = new Map<string, T>();
  for (const r of rows) {
    const key = map.get(r.key) ?? r.key;
    const moved = { ...r, key };
    const prev = out.get(key);
    out.set(key, prev ? { ...add(prev, moved), key } : moved);
  }
  return [...out.values()];
}
