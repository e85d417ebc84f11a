import type { AuditEntry } from '../db/schema';
import { actionLabel, entityLabel } from '../../core/audit/labels';
import { renderWorkbook } from '../exports/xlsx';

/** The audit export as an Excel workbook for reading (the JSON-lines export is the one to verify). */
export async function renderAuditWorkbook(title: string, entries: AsyncIterable<AuditEntry>): Promise<Buffer> {
  const rows: (string | number | null)[][] = [];
  for await (const e of entries) {
    rows.push([e.seq, beijingTime(e.at), e.actor_name, `${actionLabel(e.action)}（${e.action}）`, `${entityLabel(e.entity)}${e.entity_id ? ` #${e.entity_id}` : ''}`, e.before_json, e.after_json, e.hash]);
  }
  return renderWorkbook([
    {
      name: '审计日志',
      title,
      columns: [
        { header: '序号', width: 8 },
        { header: '操作时间（系统时间，北京时间）', width: 22 },
        { header: '操作人', width: 16 },
        { header: '操作', width: 28 },
        { header: '对象', width: 16 },
        { header: '变更前', width: 40 },
        { header: '变更后', width: 40 },
        { header: '哈希（SHA-256）', width: 24 },
      ],
      rows,
    },
  ]);
}

function beijingTime(at: string): string {
  return new Date(Date.parse(at) + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}
