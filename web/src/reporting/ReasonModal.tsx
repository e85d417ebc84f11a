import { Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { ErrorAlert } from '../layout/ErrorAlert';

/** A required reason (退回修改): the modal stays open with the server's message if it fails. */
export function ReasonModal({
  title,
  label,
  intro,
  okText,
  pending,
  error,
  onSubmit,
  onClose,
}: {
  title: string;
  label: string;
  intro?: ReactNode;
  okText: string;
  pending: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onClose: () => void;
}) {
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open
      title={title}
      okText={okText}
      okButtonProps={{ danger: true }}
      confirmLoading={pending}
      onOk={() => form.submit()}
      onCancel={onClose}
    >
      {error ? <ErrorAlert error={error} /> : null}
      {intro}
      <Form form={form} layout="vertical" onFinish={(v) => onSubmit(v.reason.trim())}>
        <Form.Item
          name="reason"
          label={label}
          rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="请具体说明需要修改或补充的内容" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
