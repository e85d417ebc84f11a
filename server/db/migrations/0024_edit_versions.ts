import type { Kysely } from 'kysely';
import type { Engine } from '../connection';

/**
 * Issue 17, finding 11: records two office people can edit at once carry a version, so a save made
 * against what someone loaded is refused (STALE_VERSION) once another person has saved first,
 * instead of silently overwriting them: units, leaders, periods (the deadline extension),
 * per-organisation settings and the year's assessment scheme. Existing rows start at version 1; a
 * setting or scheme never saved is version 0 to the API.
 */
export const VERSIONED_TABLES = ['units', 'leaders', 'periods', 'settings', 'assessment_schemes'] as const;

export function editVersions(_engine: Engine) {
  return {
    async up(db: Kysely<unknown>) {
      for (const table of VERSIONED_TABLES) {
        await db.schema
          .alterTable(table)
          .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
          .execute();
      }
    },
  };
}
