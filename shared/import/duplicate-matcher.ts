// Decides which incoming rows are already in the database. Matching is by multiset: if the
// database holds the same movement twice and the file three times, the first two in the file are
// duplicates and the third is new — so two genuine ¥8.00 fees on one day both import once.

export interface ExistingHits {
  count: number;
  batchId: number | null;
}

export interface DuplicateHit {
  existingBatchId: number | null;
}

/** `keyOf` names an item's identity; `lookup` counts the stored items with that identity. */
export function createDuplicateMatcher<T>(
  keyOf: (item: T) => string,
  lookup: (item: T, key: string) => ExistingHits,
): (item: T) => DuplicateHit | null {
  const used = new Map<string, number>();
  return (item) => {
    const key = keyOf(item);
    const hits = lookup(item, key);
    if (hits.count === 0) return null;
    const taken = used.get(key) ?? 0;
    if (taken >= hits.count) return null;
    used.set(key, taken + 1);
    return { existingBatchId: hits.batchId };
  };
}
