import { Alert, Checkbox, DatePicker, Input, Modal, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ErrorAlert } from '../layout/ErrorAlert';
import type { ReportItem, ReportSummary } from './api';
import { returnConsequences } from './returnConsequences';

export type OfficeReturn = {
  reason: string | undefined;
  taskReasons: { taskId: number; reason: string }[];
  resubmitBy: string | undefined;
  invalid: boolean;
};

/**
 * 退回 by the office. It says first what the return will and will not change (from the report's
 * standing: the first arrival and its timeliness stay), asks for a 退回意见 — overall, or the
 * comments the office wrote inside the items on the page, either is enough — and a date to resubmit by; apart, the rarer ruling that this was not a valid
 * report at all, with what that costs the unit.
 */
export function OfficeReturnModal({
  report,
  items,
  itemComments,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  report: ReportSummary;
  items: ReportItem[];
  /** The comments written inside each item on the review page. */
  itemComments: Record<number, string>;
  pending: boolean;
  error: unknown;
  onSubmit: (r: OfficeReturn) => void;
  onClose: () => void;
}) {
  const [overall, setOverall] = useState('');
  const [resubmitBy, setResubmitBy] = useState<Dayjs | null>(dayjs(report.resubmitByDefault));
  const [invalid, setInvalid] = useState(false);
  const [missing, setMissing] = useState(false);
  const filled = items
    .map((i) => ({ taskId: i.taskId, reason: (itemComments[i.taskId] ?? '').trim() }))
    .filter((r) => r.reason);
  const noReason = !overall.trim() && filled.length === 0;
  const today = dayjs(report.today);
  const said = returnConsequences(report.standing, report.today, invalid);

  const ok = () => {
    if (noReason) {
      setMissing(true);
      return;
    }
    onSubmit({
      reason: overall.trim() || undefined,
      taskReasons: filled,
      resubmitBy: resubmitBy?.format('YYYY-MM-DD'),
      invalid,
    });
  };

  return (
    <Modal
      open
      width={760}
      title={`退回报告 · ${report.unit.name} · ${report.periodLabel}`}
      okText={invalid ? '认定无效并退回' : '确认退回'}
      okButtonProps={{ danger: true }}
      cancelText="取消"
      confirmLoading={pending}
      onOk={ok}
      onCancel={onClose}
      styles={{ body: { maxHeight: '66vh', overflowY: 'auto' } }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Alert
        type={invalid ? 'warning' : 'info'}
        showIcon
        style={{ marginBottom: 16 }}
        data-testid="return-consequences"
        message={said.title}
        description={
          <ul style={{ margin: 0, paddingInlineStart: 18 }}>
            {said.lines.map((l) => (
              <li key={l}>{l}</li>
            ))}
          </ul>
        }
      />

      <div style={{ marginBottom: 16 }}>
        <label htmlFor="return-reason">
          <Typography.Text strong>退回意见</Typography.Text>
        </label>
        <Typography.Text type="secondary">（填写总体意见即可；也可在各事项下逐项填写）</Typography.Text>
        <Input.TextArea
          id="return-reason"
          aria-label="退回意见"
          rows={3}
          maxLength={2000}
          placeholder="如：请补充第(12)项投资完成额；报送格式不符合要求等"
          value={overall}
          status={missing && noReason ? 'error' : undefined}
          onChange={(e) => setOverall(e.target.value)}
          style={{ marginTop: 4 }}
        />
        {missing && noReason && (
          <Typography.Text type="danger" role="alert">
            请填写退回意见（总体意见或任一事项的意见）
          </Typography.Text>
        )}
      </div>

      <div style={{ marginBottom: 16 }}>
        <label htmlFor="return-resubmit-by">
          <Typography.Text strong>重新报送期限</Typography.Text>
        </label>
        <div style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: 8, marginTop: 4 }}>
          <DatePicker
            id="return-resubmit-by"
            aria-label="重新报送期限"
            value={resubmitBy}
            onChange={(d) => setResubmitBy(d)}
            disabledDate={(d) => d.isBefore(today, 'day')}
            format="YYYY-MM-DD"
            placeholder="不设期限"
            style={{ width: 180 }}
          />
          <Typography.Text type="secondary">
            {resubmitBy ? `请单位于${resubmitBy.format('M月D日')}前修改后重新报送` : '不设期限'}
            {resubmitBy?.format('YYYY-MM-DD') === report.resubmitByDefault && '（默认为今天起3个工作日）'}
          </Typography.Text>
        </div>
      </div>

      <Typography.Paragraph data-testid="return-item-count">
        <Typography.Text strong>逐项意见：</Typography.Text>
        {filled.length > 0
          ? `已在 ${filled.length} 个事项下填写（${items
              .filter((i) => (itemComments[i.taskId] ?? '').trim())
              .map((i) => `第${i.seq}项`)
              .join('、')}），随退回一并发给单位。`
          : '未填写。需要时请关闭本窗口，在各事项下方的“审核意见”中填写。'}
      </Typography.Paragraph>

      <div className="return-invalid" data-testid="return-invalid">
        <Checkbox checked={invalid} onChange={(e) => setInvalid(e.target.checked)}>
          <Typography.Text strong>认定为无效报送（如空白报告、报错期次）</Typography.Text>
        </Checkbox>
        <Typography.Paragraph type="secondary" style={{ margin: '4px 0 0 24px' }}>
          一般退回修改不必勾选。勾选后，本报告不再计为已报送，是否逾期从截止日期起算，以重新报送送达督查室的日期为准。
        </Typography.Paragraph>
      </div>
    </Modal>
  );
}
