import type { BulletinFigures } from '../../core/bulletins/figures';
import { figuresOf, highlightsOf, type BulletinRow } from './bulletins.repository';

const STATUS_LABELS = { draft: '草稿', published: '已发布' } as const;

export function bulletinSummary(row: BulletinRow) {
  return {
    id: row.id,
    periodId: row.period_id,
    periodLabel: row.period_label,
    year: row.year,
    issueNo: row.issue_no,
    docNumber: row.doc_number,
    title: row.title,
    status: row.status,
    statusLabel: STATUS_LABELS[row.status],
    issueDate: row.issue_date,
    createdByName: row.created_by_name,
    publishedAt: row.published_at,
    publishedByName: row.published_by_name,
  };
}

/**
 * The whole bulletin. The office sees the highlight candidates (other units' report entries) it
 * picks from; readers of the published bulletin see the figures without them.
 */
export function bulletinView(row: BulletinRow, opts: { forOffice: boolean }) {
  const figures: BulletinFigures = figuresOf(row);
  return {
    ...bulletinSummary(row),
    version: row.version,
    issuerMark: row.issuer_mark,
    addressee: row.addressee,
    body: row.body,
    signature: row.signature,
    figures: opts.forOffice ? figures : { ...figures, highlightCandidates: [] },
    highlightProgressIds: highlightsOf(row),
  };
}
