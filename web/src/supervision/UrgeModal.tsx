import { App, Form, Modal, Typography } from 'antd';
import { ErrorAlert } from '../layout/ErrorAlert';
import { useUrge } from './api';
import { UrgeMessageForm, useUrgeChannelsText } from './UrgeMessage';

type Props = { periodId: number; periodLabel: string; unitId: number; unitName: string; onClose: () => void };

/** 催办 for one unit: the message the unit will receive (UrgeButton opens it; a chunk of its own). */
export default function UrgeModal({ periodId, periodLabel, unitId, unitName, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ message: string }>();
  const urge = useUrge();
  const channels = useUrgeChannelsText();

  const submit = async () => {
    const values = await form.validateFields();
    const r = await urge.mutateAsync({ periodId, unitId, message: values.message.trim() }).catch(() => null);
    if (!r) return; // the error shows in the modal
    const channels = r.deliveries.length ? `，另经 ${r.deliveries.length} 个外部渠道发送` : '';
    void message.success(`已向${unitName}发出催办（站内通知 ${r.notified} 人${channels}）`);
    onClose();
  };

  return (
    <Modal
      open
      title={`催办 · ${unitName}`}
      okText="发送催办"
      cancelText="取消"
      confirmLoading={urge.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      width={560}
    >
      <Typography.Paragraph type="secondary">
        催办将经{channels}发给该单位；发送结果可在“催办记录”中查看。
      </Typography.Paragraph>
      {urge.error && <ErrorAlert error={urge.error} />}
      <UrgeMessageForm form={form} periodLabel={periodLabel} rows={4} autoFocus />
    </Modal>
  );
}
