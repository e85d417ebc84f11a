import { App, Form, Input, Modal, Typography } from 'antd';
import { ErrorAlert } from '../layout/ErrorAlert';
import { useUrge } from './api';

type Props = { periodId: number; periodLabel: string; unitId: number; unitName: string; onClose: () => void };

/** 催办 for one unit: the message the unit will receive (UrgeButton opens it; a chunk of its own). */
export default function UrgeModal({ periodId, periodLabel, unitId, unitName, onClose }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{ message: string }>();
  const urge = useUrge();

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
        催办将以站内通知发给该单位，并通过已启用的邮件、企业微信、钉钉渠道发送；发送结果可在“催办记录”中查看。
      </Typography.Paragraph>
      {urge.error && <ErrorAlert error={urge.error} />}
      <Form form={form} layout="vertical" initialValues={{ message: `请抓紧报送${periodLabel}责任事项完成情况。` }}>
        <Form.Item
          name="message"
          label="催办内容"
          rules={[{ required: true, whitespace: true, message: '请填写催办内容' }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
