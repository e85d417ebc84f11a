import type { ColumnType, Generated } from 'kysely';
import type { Id, CreatedAt } from './columns';

// Bulletins (通报).

export type BulletinStatus = 'draft' | 'published';

export interface BulletinsTable {
  id: Id;
  org_id: number;
  period_id: number;
  year: number;
  issue_no: number;
  status: ColumnType<BulletinStatus, BulletinStatus | undefined, BulletinStatus>;
  version: Generated<number>;
  issuer_mark: string;
  doc_number: string;
  title: string;
  addressee: string;
  body: string;
  signature: string;
  issue_date: string;
  figures_json: string;
  highlights_json: Generated<string>;
  created_by_name: string;
  created_at: CreatedAt;
  updated_at: string;
  published_at: string | null;
  published_by_name: string | null;
}
