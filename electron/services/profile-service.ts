import type { Profile } from '../../shared/domain/profile.ts';
import { writeAudit } from '../db/repositories/audit-repo.ts';
import { getProfile, upsertProfile } from '../db/repositories/profile-repo.ts';
import type { Db } from '../db/open.ts';
import { inTransaction } from './transaction.ts';
import { requireWritableYear, requireYear } from './year-guard.ts';

export function loadProfile(db: Db, yearId: number): Profile {
  requireYear(db, yearId);
  return getProfile(db, yearId);
}

export function saveProfile(db: Db, input: Profile): Profile {
  return inTransaction(db, () => {
    requireWritableYear(db, input.yearId);
    const before = getProfile(db, input.yearId);
    upsertProfile(db, input);
    const after = getProfile(db, input.yearId);
    writeAudit(db, { action: 'update', entity: 'department_profile', entityId: input.yearId, yearId: input.yearId, before, after });
    return after;
  });
}

/** Runs inside the caller's transaction. */
export function copyProfileToYear(db: Db, fromYearId: number, toYearId: number): void {
  upsertProfile(db, { ...getProfile(db, fromYearId), yearId: toYearId });
}
