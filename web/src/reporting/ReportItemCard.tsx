import { Alert, Card, Col, Input, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect } from 'react';
import { PROGRESS_STATUSES, PROGRESS_STATUS_LABELS, type ProgressStatus } from '../../../core/reporting/states';
import type { ReportItem } from './api';
import { ConflictModal } from './ConflictModal';
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
}

/** One task of the report: the standard, indicators, the unit's entry, office comment, co-units. */
export function ReportItemCard({ reportId, item, editable, register, onRefetch }: ItemCardProps) {
  const save = useAutosave(reportId, item, editable, onRefetch);
  const v = save.values;
  const { flush, current } = save;

  useEffect(() => {
    register?.(item.taskId, { flush, blank: () => current().narrative.trim() === '' });
    return () => register?.(item.taskId, null);
  }, [register, item.taskId, flush, current]);

  const onBlur = () => void flush();
  // A read-only entry with nothing written says so in one line instead of three empty blocks.
  const blank = !editable && !v.narrative.trim() && !v.problems.trim() && !v.nextSteps.trim();
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

  return (
    <Card
      size="small"
      data-testid={`report-item-${item.annexNo}-${item.seq}`}
      style={{ marginBottom: 16 }}
      title={
        <Space size={8}>
          <span>
            附件{item.annexNo} · {item.seq}
          </span>
          {item.unitRole === 'lead' ? <Tag color="red">牵头</Tag> : <Tag>配合</Tag>}
          {!editable && <ProgressStatusTag status={v.status} />}
        </Space>
      }
      extra={editable && <SaveStatus state={save.state} savedAt={save.savedAt} error={save.error} onRetry={onBlur} />}
    >
      <Typography.Paragraph style={{ background: '#fafafa', padding: '8px 12px', borderRadius: 4 }}>
        <Typography.Text type="secondary">工作标准：</Typography.Text>
        {item.standard}
      </Typography.Paragraph>
      {item.taskChangedSince && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="该事项在台账中已调整（如目标调整），请按调整后的内容填报。"
        />
      )}
      {item.closedOn && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          message={`该事项已于${Number(item.closedOn.slice(5, 7))}月${Number(item.closedOn.slice(8))}日销号（已完成并经督查室审核通过），本期无需填写。`}
        />
      )}
      {item.officeComment && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message="督查室意见"
          description={item.officeComment}
        />
      )}
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
              <div key={ind.id} style={{ display: 'flex', alignItems: 'center', gap: 8, marginTop: 6 }}>
                <span style={{ flex: 1 }}>
                  {ind.name}
                  <Typography.Text type="secondary">（目标 {targetText(ind)}）</Typography.Text>
                </span>
                {editable ? (
                  <InputNumber<number>
                    aria-label={`${ind.name}实际完成`}
                    value={v.actuals[ind.id] ?? null}
                    placeholder="实际完成"
                    addonAfter={ind.unit || undefined}
                    style={{ width: 170 }}
                    onChange={(n) => save.change({ actuals: { ...v.actuals, [ind.id]: n ?? null } })}
                    onBlur={onBlur}
                  />
                ) : (
                  <Typography.Text strong>
                    {v.actuals[ind.id] != null ? `${v.actuals[ind.id]}${ind.unit}` : '未填'}
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
      {!editable && item.updatedByName && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          最后由 {item.updatedByName} 保存
        </Typography.Text>
      )}
      {item.unitRole === 'lead' && <CoParts parts={item.coParts} />}
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
