import { Alert, Input, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../layout/ErrorAlert';
import type { ReportItem } from './api';

/**
 * 退回 by the office: a reason per task (at least one). Each reason shows on that task's entry as
 * the office's comment when the unit reopens the report.
 */
export function OfficeReturnModal({
  items,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  items: ReportItem[];
  pending: boolean;
  error: unknown;
  onSubmit: (taskReasons: { taskId: number; reason: string }[], reason: string | undefined) => void;
  onClose: () => void;
}) {
  const [reasons, setReasons] = useState<Record<number, string>>({});
  const [overall, setOverall] = useState('');
  const [missing, setMissing] = useState(false);
  const filled = items
    .map((i) => ({ taskId: i.taskId, reason: (reasons[i.taskId] ?? '').trim() }))
    .filter((r) => r.reason);

  const ok = () => {
    if (filled.length === 0) {
      setMissing(true);
      return;
    }
    onSubmit(filled, overall.trim() || undefined);
  };

  return (
    <Modal
      open
      width={960}
      title="退回报告"
      okText={`退回（${filled.length} 项意见）`}
      okButtonProps={{ danger: true }}
      confirmLoading={pending}
      onOk={ok}
      onCancel={onClose}
      styles={{ body: { maxHeight: '62vh', overflowY: 'auto' } }}
    >
      {error ? <ErrorAlert error={error} /> : null}
      <Typography.Paragraph type="secondary">
        请在需要修改的事项下填写退回意见（至少一项）。意见将显示在单位报告对应事项中，单位修改并经负责人审定后重新报送。
      </Typography.Paragraph>
      {missing && filled.length === 0 && (
        <Alert type="error" showIcon style={{ marginBottom: 12 }} message="请至少为一个事项填写退回意见" />
      )}
      <div style={{ marginBottom: 16 }}>
        <Typography.Text strong>总体意见（可选）</Typography.Text>
        <Input.TextArea
          aria-label="总体意见"
          rows={2}
          maxLength={2000}
          placeholder="对整份报告的意见，如报送格式、数据口径等"
          value={overall}
          onChange={(e) => setOverall(e.target.value)}
          style={{ marginTop: 4 }}
        />
      </div>
      {items.map((item) => (
        <div key={item.taskId} style={{ marginBottom: 16 }} data-testid={`return-reason-${item.annexNo}-${item.seq}`}>
          <div style={{ marginBottom: 4 }}>
            <Typography.Text strong>
              附件{item.annexNo} · {item.seq}
            </Typography.Text>{' '}
            {item.unitRole === 'lead' ? <Tag color="red">牵头</Tag> : <Tag>配合</Tag>}
            <Typography.Text
              type="secondary"
              ellipsis={{ tooltip: item.standard }}
              style={{ maxWidth: 700, verticalAlign: 'bottom' }}
            >
              {item.standard}
            </Typography.Text>
          </div>
          <Input.TextArea
            aria-label={`第${item.seq}项退回意见`}
            rows={2}
            maxLength={2000}
            placeholder="无需修改可不填"
            value={reasons[item.taskId] ?? ''}
            onChange={(e) => setReasons({ ...reasons, [item.taskId]: e.target.value })}
          />
        </div>
      ))}
    </Modal>
  );
}
