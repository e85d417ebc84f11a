import { Form, Input, Modal } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useRef, useState, type ReactNode } from 'react';
import { ErrorAlert } from '../layout/ErrorAlert';

interface Props {
  open: boolean;
  title: string;
  label: string;
  okText?: string;
  placeholder?: string;
  /** A reason the server would refuse without (不予批准, 办结) is required here too. */
  required?: boolean;
  intro?: ReactNode;
  onSubmit: (text: string) => Promise<unknown>;
  onClose: () => void;
}

/** One text box and a button: 批示, 发表意见, 办结, 不予批准 all look the same to a user. */
export function TextModal({
  open,
  title,
  label,
  okText = '提交',
  placeholder,
  required = true,
  intro,
  onSubmit,
  onClose,
}: Props) {
  const [form] = Form.useForm<{ text: string }>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<TextAreaRef>(null);

  const submit = async () => {
    const { text } = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await onSubmit((text ?? '').trim());
      form.resetFields();
      onClose();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      // The cursor waits in the box once the dialog has opened (antd moves focus to the dialog itself
      // as it opens, so autoFocus alone loses it): on a phone that is one tap fewer.
      afterOpenChange={(opened) => opened && box.current?.focus()}
    >
      {intro}
      {error !== null && <ErrorAlert error={error} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item
          name="text"
          label={label}
          rules={required ? [{ required: true, whitespace: true, message: `请填写${label}` }] : []}
        >
          <Input.TextArea ref={box} rows={5} maxLength={2000} showCount placeholder={placeholder} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
