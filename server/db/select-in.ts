/**
 * A query over `column IN (ids)` in chunks: SQLite takes at most 32,766 bound values and
 * PostgreSQL 65,535, and a province's roll-up can name more tasks than that. Chunks run one after
 * another and their rows are concatenated (callers that need an order sort afterwards).
 */
const CHUNK = 5_000;

export async function selectIn<T>(ids: readonly number[], query: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  if (ids.length === 0) return [];
  if (ids.length <= CHUNK) return query([...ids]);
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await query(ids.slice(i, i + CHUNK))));
  return out;
}
