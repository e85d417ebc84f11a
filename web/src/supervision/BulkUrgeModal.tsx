import { App, Form, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../layout/ErrorAlert';
import { newRequestKey, useBulkUrge, type BulkUrgeResult } from './api';
import { UrgeMessageForm, useUrgeChannelsText } from './UrgeMessage';

type Unit = { unitId: number; unitName: string };

type Props = {
  periodId: number;
  periodLabel: string;
  units: Unit[];
  /** What the batch is, for the title: 催办全部未报送单位 or 催办所选单位. */
  title: string;
  onClose: (result: BulkUrgeResult | null) => void;
};

/**
 * The one confirmation of a bulk urge: how many units (named), on which channels, with the message
 * they will read. One key per confirmation: pressing 确定 twice, or a retry, urges nobody twice.
 */
export default function BulkUrgeModal({ periodId, periodLabel, units, title, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ message: string }>();
  const [requestKey] = useState(newRequestKey);
  const urge = useBulkUrge();
  const channels = useUrgeChannelsText();

  const submit = async () => {
    const values = await form.validateFields();
    const r = await urge
      .mutateAsync({ periodId, unitIds: units.map((u) => u.unitId), message: values.message.trim(), requestKey })
      .catch(() => null);
    if (!r) return; // the error shows in the modal
    const parts = [`已向 ${r.urged.length + r.alreadyUrged.length} 个单位发出催办`];
    if (r.skipped.length) parts.push(`${r.skipped.length} 个单位已报送或本期免报，未催办`);
    void message.success(parts.join('；'));
    onClose(r);
  };

  return (
    <Modal
      open
      title={`${title} · ${periodLabel}`}
      okText={`确定催办 ${units.length} 个单位`}
      cancelText="取消"
      confirmLoading={urge.isPending}
      onOk={() => void submit()}
      onCancel={() => onClose(null)}
      width={600}
    >
      <Typography.Paragraph>
        将向以下 <Typography.Text strong>{units.length}</Typography.Text> 个单位各发出一次催办，发送渠道：
        <Typography.Text strong>{channels}</Typography.Text>。
      </Typography.Paragraph>
      <div className="bulk-urge-units" data-testid="bulk-urge-units">
        {units.map((u) => (
          <Tag key={u.unitId} style={{ marginBottom: 4 }}>
            {u.unitName}
          </Tag>
        ))}
      </div>
      {urge.error && <ErrorAlert error={urge.error} />}
      <UrgeMessageForm form={form} periodLabel={periodLabel} rows={3} />
      <Typography.Text type="secondary">
        已报送督查室或本期免报的单位不会被催办；发送结果可在“催办记录”中查看。
      </Typography.Text>
    </Modal>
  );
}
