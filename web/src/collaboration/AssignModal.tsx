import { Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { useUnits } from '../directory/api';
import { ErrorAlert } from '../layout/ErrorAlert';

interface Values {
  unitId: number;
  comment?: string;
}

/** 交办: the leader hands the problem to a unit (often another department) to solve. */
export function AssignModal({
  open,
  onSubmit,
  onClose,
}: {
  open: boolean;
  onSubmit: (v: Values) => Promise<unknown>;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const units = useUnits();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    setError(null);
    try {
      await onSubmit({ unitId: v.unitId, comment: v.comment?.trim() || undefined });
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
      title="交办"
      okText="交办"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={560}
    >
      {error !== null && <ErrorAlert error={error} />}
      <Form form={form} layout="vertical" preserve={false}>
        <Form.Item name="unitId" label="承办单位" rules={[{ required: true, message: '请选择承办单位' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder="选择承办单位"
            loading={units.isPending}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="comment" label="交办意见">
          <Input.TextArea rows={4} maxLength={2000} showCount placeholder="如：请区商务局牵头对接，两周内反馈" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
