import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { entryBlank, entryLacks } from '../../../core/reporting/completeness';
import { describeStatusChange, entryChanges, entryOutliers } from '../../../core/reporting/review-flags';
import { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS, type ProgressStatus } from '../../../core/reporting/states';
import type { ReportItem } from './api';
import { ConflictModal } from './ConflictModal';
import { CoReportingNote, CoReportingTag } from './CoReportingNote';
import { EvidenceCount, EvidenceList } from './evidence/EvidenceList';
import { NumberField } from './form/NumberField';
import { PreviousEntry } from './form/PreviousEntry';
import { CoParts, targetText, TextBlock } from './ItemParts';
import { SaveStatus } from './SaveStatus';
import { ProgressStatusTag } from './StateTags';
import { useAutosave } from './useAutosave';

const STATUS_OPTIONS = PROGRESS_STATUSES.map((s) => ({ value: s, label: PROGRESS_STATUS_LABELS[s] }));

/** What the page can ask of an entry: save it now, and whether its progress text is still empty. */
export interface ItemHandle {
  flush: () => Promise<boolean>;
  blank: () => boolean;
}

export interface ItemCardProps {
  reportId: number;
  item: ReportItem;
  editable: boolean;
  /** Lets the page save every pending entry before submitting. */
  register?: (taskId: number, handle: ItemHandle | null) => void;
  /** Re-reads the report (after taking the other person's version, to get their figures too). */
  onRefetch?: () => void;
  /** The entry is complete or not (core/reporting/completeness.ts), as the clerk types. */
  onFilled?: (taskId: number, filled: boolean) => void;
  /** 沿用上期 for this entry (the server fills a blank entry with last period's). */
  onCopyForward?: (taskId: number) => Promise<void>;
  /** The office's review: its comment on this item, written in place. */
  comment?: { value: string; onChange: (v: string) => void };
  /** Show 上期 and what changed (the head's and the office's reading). */
  compare?: boolean;
  /** Bumped by the page after 全部沿用上期: filled entries fold to one line. */
  foldFilled?: number;
  /** Shown alone (the phone's one item at a time): never folded. */
  unfolded?: boolean;
}

export const itemAnchor = (taskId: number) => `report-item-${taskId}`;

/** One task of the report: the standard, indicators, the unit's entry, 上期, evidence, office comment, co-units. */
export function ReportItemCard({ reportId, item, editable, register, onRefetch, onFilled, onCopyForward, comment, compare, foldFilled, unfolded }: ItemCardProps) {
  const save = useAutosave(reportId, item, editable, onRefetch);
  const v = save.values;
  const { flush, current } = save;
  const filled = entryLacks({ status: v.status, narrative: v.narrative }).length === 0;
  // A filled entry folds to one line on the clerk's form; a blank one, or one the office commented on, stays open.
  // (and one with text restored from this tab's unsaved draft, so she sees it being saved).
  const [open, setOpen] = useState(!filled || !!item.officeComment || save.state === 'dirty');
  const [copying, setCopying] = useState(false);
  // After 全部沿用上期 the entries it filled fold like those filled at opening (foldFilled changes);
  // a colleague's save or the clerk's own typing never folds a card under her hands.
  useEffect(() => {
    if (foldFilled && current().narrative.trim()) setOpen(false);
  }, [foldFilled, current]);

  useEffect(() => {
    register?.(item.taskId, { flush, blank: () => current().narrative.trim() === '' });
    return () => register?.(item.taskId, null);
  }, [register, item.taskId, flush, current]);
  useEffect(() => onFilled?.(item.taskId, filled), [onFilled, item.taskId, filled]);

  const onBlur = () => void flush();
  const review = { status: v.status, narrative: v.narrative, indicators: item.indicators.map((i) => ({ ...i, actual: v.actuals[i.id] ?? null })), previous: item.previous };
  const changes = compare ? entryChanges(review) : null;
  const outliers = compare ? entryOutliers(review) : [];
  const moved = new Set(changes?.moved.map((m) => m.id));

  // A read-only entry with nothing written says so in one line instead of three empty blocks.
  const blank = !editable && entryBlank(v);
  const text = (field: 'narrative' | 'problems' | 'nextSteps', label: string, rows: number, placeholder: string) =>
    editable ? (
      <div style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{label}</Typography.Text>
        <Input.TextArea
          aria-label={label}
          value={v[field]}
          autoSize={{ minRows: rows, maxRows: 12 }}
          maxLength={5000}
          placeholder={placeholder}
          onChange={(e) => save.change({ [field]: e.target.value })}
          onBlur={onBlur}
          style={{ marginTop: 2 }}
        />
      </div>
    ) : (
      <TextBlock label={label} text={v[field]} />
    );

  const copy =
    editable && onCopyForward && item.previous && entryBlank(v)
      ? async () => {
          setCopying(true);
          await save.flush();
          await onCopyForward(item.taskId).finally(() => setCopying(false));
        }
      : undefined;

  const title = (
    <Space size={8} wrap>
      <span>
        附件{item.annexNo} · {item.seq}
      </span>
      {item.unitRole === 'lead' ? <Tag color="red">牵头</Tag> : <Tag>配合</Tag>}
      <CoReportingTag item={item} />
      {(!editable || !open) && <ProgressStatusTag status={v.status} />}
      {editable && (filled ? <Tag color="green">已填</Tag> : <Tag color="orange">未填</Tag>)}
      {changes?.status && <Tag color="gold">{describeStatusChange(changes.status)}</Tag>}
      {changes && !changes.changed && <Tag>与上期相同</Tag>}
      {changes?.sameText && changes.changed && <Tag>进展情况与上期相同</Tag>}
      <EvidenceCount count={item.evidence.length} />
    </Space>
  );

  if (editable && !open && !unfolded) {
    return (
      <Card size="small" id={itemAnchor(item.taskId)} className="report-item-collapsed" data-testid={`report-item-${item.annexNo}-${item.seq}`} style={{ marginBottom: 8 }} title={title}
        extra={
          <Button type="link" size="small" icon={<DownOutlined />} onClick={() => setOpen(true)} aria-expanded={false} aria-label={`展开第${item.seq}项`}>
            展开修改
          </Button>
        }
      >
        <Typography.Paragraph ellipsis={{ rows: 1 }} style={{ marginBottom: 0 }} type="secondary">
          {v.narrative}
        </Typography.Paragraph>
      </Card>
    );
  }

  return (
    <Card
      size="small"
      id={itemAnchor(item.taskId)}
      data-testid={`report-item-${item.annexNo}-${item.seq}`}
      style={{ marginBottom: 16 }}
      title={title}
      extra={
        editable && (
          <Space size={4}>
            <SaveStatus state={save.state} savedAt={save.savedAt} error={save.error} onRetry={onBlur} />
            {filled && !unfolded && (
              <Button type="link" size="small" icon={<UpOutlined />} onClick={() => setOpen(false)} aria-expanded aria-label={`收起第${item.seq}项`}>
                收起
              </Button>
            )}
          </Space>
        )
      }
    >
      <Typography.Paragraph style={{ background: '#fafafa', padding: '8px 12px', borderRadius: 4 }}>
        <Typography.Text type="secondary">工作标准：</Typography.Text>
        {item.standard}
      </Typography.Paragraph>
      <CoReportingNote reportId={reportId} item={item} />
      {item.taskChangedSince && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message="该事项在台账中已调整（如目标调整），请按调整后的内容填报。" />
      )}
      {item.closedOn && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={`该事项已于${Number(item.closedOn.slice(5, 7))}月${Number(item.closedOn.slice(8))}日销号（已完成并经督查室审核通过），本期无需填写。`}
        />
      )}
      {item.officeComment && !comment && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message="督查室意见" description={item.officeComment} />
      )}
      {outliers.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid={`outliers-${item.annexNo}-${item.seq}`}
          message="请核实以下数据"
          description={outliers.map((o) => <div key={o.text}>{o.text}</div>)}
        />
      )}
      {(editable || compare) && <PreviousEntry item={item} onCopy={copy} copying={copying} />}
      <Row gutter={24}>
        <Col xs={24} lg={item.indicators.length > 0 ? 14 : 24}>
          {editable && (
            <Space size={8} style={{ marginBottom: 12 }} align="center">
              <Typography.Text type="secondary">推进状态</Typography.Text>
              <Select<ProgressStatus>
                aria-label="推进状态"
                value={v.status}
                options={STATUS_OPTIONS}
                style={{ width: 160 }}
                onChange={(status) => {
                  save.change({ status });
                  void flush();
                }}
              />
            </Space>
          )}
          {blank ? (
            <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
              本期未填写进展情况、存在问题和下步打算。
            </Typography.Paragraph>
          ) : (
            text('narrative', '进展情况', 3, '本期工作推进情况、取得的成效及相关数据')
          )}
        </Col>
        {item.indicators.length > 0 && (
          <Col xs={24} lg={10}>
            <Typography.Text type="secondary">量化指标</Typography.Text>
            {item.indicators.map((ind) => (
              <div key={ind.id} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginTop: 6 }}>
                <span style={{ flex: '1 1 160px' }}>
                  {ind.name}
                  <Typography.Text type="secondary">（目标 {targetText(ind)}）</Typography.Text>
                </span>
                {editable ? (
                  <NumberField
                    label={`${ind.name}实际完成`}
                    value={v.actuals[ind.id] ?? null}
                    unit={ind.unit}
                    onChange={(n) => save.change({ actuals: { ...v.actuals, [ind.id]: n } })}
                    onBlur={onBlur}
                  />
                ) : (
                  <Typography.Text strong className={moved.has(ind.id) ? 'report-changed' : undefined}>
                    {v.actuals[ind.id] != null ? `${v.actuals[ind.id]}${ind.unit}` : '未填'}
                    {moved.has(ind.id) && (
                      <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
                        （上期 {changes!.moved.find((m) => m.id === ind.id)!.from ?? '未填'}）
                      </Typography.Text>
                    )}
                  </Typography.Text>
                )}
              </div>
            ))}
          </Col>
        )}
      </Row>
      {!blank && (
        <Row gutter={24}>
          <Col xs={24} lg={12}>
            {text('problems', '存在问题', 2, '推进中遇到的困难和问题；需区领导协调的请写明')}
          </Col>
          <Col xs={24} lg={12}>
            {text('nextSteps', '下步打算', 2, '下一阶段的工作措施和时间安排')}
          </Col>
        </Row>
      )}
      {(editable || item.evidence.length > 0) && (
        <div style={{ marginBottom: 8 }}>
          <Typography.Text type="secondary">佐证材料</Typography.Text>
          <EvidenceList reportId={reportId} taskId={item.taskId} files={item.evidence} editable={editable} onChanged={() => onRefetch?.()} />
        </div>
      )}
      {!editable && item.updatedByName && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          最后由 {item.updatedByName} 保存
        </Typography.Text>
      )}
      {item.unitRole === 'lead' && <CoParts parts={item.coParts} />}
      {comment && (
        <div className="report-review-comment">
          <label htmlFor={`review-${item.taskId}`}>
            <Typography.Text strong>审核意见</Typography.Text>
            <Typography.Text type="secondary">（需修改时填写，退回时随报告发给单位）</Typography.Text>
          </label>
          <Input.TextArea
            id={`review-${item.taskId}`}
            aria-label={`第${item.seq}项审核意见`}
            autoSize={{ minRows: 1, maxRows: 6 }}
            maxLength={2000}
            placeholder="无需修改可不填"
            value={comment.value}
            onChange={(e) => comment.onChange(e.target.value)}
          />
        </div>
      )}
      {save.conflict && save.merged && (
        <ConflictModal
          seq={item.seq}
          theirs={save.conflict}
          mine={save.merged}
          onResolve={(choice) => {
            save.resolve(choice);
            if (choice === 'theirs') onRefetch?.();
          }}
        />
      )}
    </Card>
  );
}
