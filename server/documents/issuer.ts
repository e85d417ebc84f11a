import type { Db } from '../db/connection';

/** The supervision office as it signs its documents: 新洲区人民政府督查室. */
export async function officeSignature(db: Db, orgId: number): Promise<string> {
  const org = await db.selectFrom('organisations').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
  return `${org.name}人民政府督查室`;
}
