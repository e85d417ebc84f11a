import { Card, Space, Switch, Tag, Typography } from 'antd';
import { describeStatusChange, entryChanges, entryOutliers } from '../../../../core/reporting/review-flags';
import { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS } from '../../../../core/reporting/states';
import type { ReportItem } from '../api';
import { itemAnchor } from '../ReportItemCard';
import { ProgressStatusTag } from '../StateTags';

const entryOf = (i: ReportItem) => ({
  status: i.status,
  narrative: i.narrative,
  indicators: i.indicators,
  previous: i.previous,
});
/** Whether an item changed since 上期 (core/reporting/review-flags.ts): what 只看变化 keeps. */
export const itemChanged = (i: ReportItem) => entryChanges(entryOf(i)).changed;

/**
 * The head's (and the office's) summary over a report: how many items in each status, which turned
 * 滞后 or 存在风险, which figures moved, which need checking — and 只看变化.
 */
export function ChangeSummary({
  items,
  onlyChanged,
  onOnlyChanged,
}: {
  items: ReportItem[];
  onlyChanged: boolean;
  onOnlyChanged: (on: boolean) => void;
}) {
  const rows = items.map((i) => ({ item: i, changes: entryChanges(entryOf(i)), outliers: entryOutliers(entryOf(i)) }));
  const link = (i: ReportItem) => (
    <a
      key={i.taskId}
      href={`#${itemAnchor(i.taskId)}`}
      onClick={(e) => {
        e.preventDefault();
        document.getElementById(itemAnchor(i.taskId))?.scrollIntoView({ behavior: 'smooth' });
      }}
    >
      第{i.annexNo === 1 ? '' : `${i.annexNo}·`}
      {i.seq}项
    </a>
  );
  const worsened = rows.filter((r) => r.changes.worsened);
  const statusMoved = rows.filter((r) => r.changes.status && !r.changes.worsened);
  const figures = rows.filter((r) => r.changes.moved.length > 0);
  const toCheck = rows.filter((r) => r.outliers.length > 0);
  // A <dl> holds term and description pairs only: "nothing moved" is a sentence of its own.
  const nothingMoved = worsened.length + statusMoved.length + figures.length + toCheck.length === 0;
  const changed = rows.filter((r) => r.changes.changed).length;
  return (
    <Card
      size="small"
      title="本期概况"
      style={{ marginBottom: 16 }}
      data-testid="change-summary"
      extra={
        <label style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
          <Switch size="small" checked={onlyChanged} onChange={onOnlyChanged} aria-label="只看变化" />
          只看变化（{changed} 项）
        </label>
      }
    >
      <Space size={[8, 8]} wrap style={{ marginBottom: 8 }}>
        {PROGRESS_STATUSES.map((s) => {
          const n = items.filter((i) => i.status === s).length;
          return n > 0 ? (
            <span key={s}>
              <ProgressStatusTag status={s} />
              <Typography.Text>{n} 项</Typography.Text>
            </span>
          ) : null;
        })}
      </Space>
      {nothingMoved ? (
        <p className="change-summary-list">与上期相比，各事项的推进状态和指标均无变化。</p>
      ) : (
        <dl className="change-summary-list">
          {worsened.length > 0 && (
            <>
              <dt>转为滞后或存在风险</dt>
              <dd>
                {worsened.map((r) => (
                  <span key={r.item.taskId}>
                    {link(r.item)}（{describeStatusChange(r.changes.status!)}）
                  </span>
                ))}
              </dd>
            </>
          )}
          {statusMoved.length > 0 && (
            <>
              <dt>状态变化</dt>
              <dd>
                {statusMoved.map((r) => (
                  <span key={r.item.taskId}>
                    {link(r.item)}（{describeStatusChange(r.changes.status!)}）
                  </span>
                ))}
              </dd>
            </>
          )}
          {figures.length > 0 && (
            <>
              <dt>指标有变化</dt>
              <dd>
                {figures.map((r) => (
                  <span key={r.item.taskId}>
                    {link(r.item)}（
                    {r.changes.moved.map((m) => `${m.name} ${m.from ?? '未填'}→${m.to ?? '未填'}${m.unit}`).join('，')}
                    ）
                  </span>
                ))}
              </dd>
            </>
          )}
          {toCheck.length > 0 && (
            <>
              <dt>
                <Tag color="orange">需核实</Tag>
              </dt>
              <dd>
                {toCheck.map((r) => (
                  <span key={r.item.taskId}>
                    {link(r.item)}（{r.outliers.map((o) => o.text).join('；')}）
                  </span>
                ))}
              </dd>
            </>
          )}
        </dl>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {PROGRESS_STATUS_LABELS.delayed}、{PROGRESS_STATUS_LABELS.at_risk}事项请重点审阅。
      </Typography.Text>
    </Card>
  );
}
