import type { Db } from '../../db/connection';
import type { Platform } from '../../db/schema/platform-identities';
import { selectIn } from '../../db/select-in';

export type { Platform } from '../../db/schema/platform-identities';

/**
 * Platform identities (issue 18): which Duban account a platform's person is. Reads for sign-in and
 * for messages to the person; writes only from an approved 账号变更申请 (account-requests.service)
 * or the opt-in attribute match (sso sign-in), never elsewhere.
 */

/** The account bound to a platform identity, or undefined when none is bound. */
export function findUserByIdentity(db: Db, platform: Platform, externalId: string) {
  return db
    .selectFrom('user_platform_identities as i')
    .innerJoin('users', 'users.id', 'i.user_id')
    .selectAll('users')
    .where('i.platform', '=', platform)
    .where('i.external_id', '=', externalId)
    .executeTakeFirst();
}

/** userId → external id on one platform, for the given users (those without a binding are absent). */
export async function identitiesOfUsers(
  db: Db,
  platform: Platform,
  userIds: readonly number[],
): Promise<Map<number, string>> {
  const rows = await selectIn(userIds, (chunk) =>
    db
      .selectFrom('user_platform_identities')
      .select(['user_id', 'external_id'])
      .where('platform', '=', platform)
      .where('user_id', 'in', chunk)
      .execute(),
  );
  return new Map(rows.map((r) => [r.user_id, r.external_id]));
}

/** Every binding of one account (the admin's user page). */
export function identitiesOfUser(db: Db, userId: number) {
  return db
    .selectFrom('user_platform_identities')
    .select(['platform', 'external_id', 'created_at'])
    .where('user_id', '=', userId)
    .orderBy('platform')
    .execute();
}

/** The binding of an external id on a platform, whoever holds it (to refuse a second binding). */
export function findIdentity(db: Db, platform: Platform, externalId: string) {
  return db
    .selectFrom('user_platform_identities')
    .selectAll()
    .where('platform', '=', platform)
    .where('external_id', '=', externalId)
    .executeTakeFirst();
}

export async function insertIdentity(
  db: Db,
  row: { org_id: number; user_id: number; platform: Platform; external_id: string },
): Promise<void> {
  await db.insertInto('user_platform_identities').values(row).execute();
}

export async function deleteIdentity(db: Db, userId: number, platform: Platform): Promise<number> {
  const r = await db
    .deleteFrom('user_platform_identities')
    .where('user_id', '=', userId)
    .where('platform', '=', platform)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
