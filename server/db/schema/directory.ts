import type { Generated } from 'kysely';
import type { Id, CreatedAt } from './columns';

// Organisations and their directory: units (with the spellings documents use) and leaders.

export interface OrganisationsTable {
  id: Id;
  parent_id: number | null;
  name: string;
  level: 'province' | 'city' | 'district';
  code: string;
  created_at: CreatedAt;
}

export interface UnitsTable {
  id: Id;
  org_id: number;
  name: string;
  created_at: CreatedAt;
  updated_at: string;
  /** Optimistic version (migration 0024): an edit names the one it loaded. */
  version: Generated<number>;
}

export interface UnitAliasesTable {
  id: Id;
  org_id: number;
  unit_id: number;
  alias: string;
}

export interface LeadersTable {
  id: Id;
  org_id: number;
  name: string;
  title: string;
  created_at: CreatedAt;
  updated_at: string;
  /** Optimistic version (migration 0024): an edit names the one it loaded. */
  version: Generated<number>;
}
