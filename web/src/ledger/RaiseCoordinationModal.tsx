import { App, Form, Input, Modal, Select } from 'antd';
import { useState } from 'react';
import { ErrorAlert } from '../layout/ErrorAlert';
import { useRaiseCoordination, type TaskDetail } from './api';

interface Values {
  problem: string;
  departments?: string;
  leaderId?: number;
}

/** 提请协调: a problem the unit cannot solve alone goes to one of the task's leaders in charge. */
export function RaiseCoordinationModal({
  task,
  open,
  onClose,
}: {
  task: TaskDetail['task'];
  open: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const raise = useRaiseCoordination();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      await raise.mutateAsync({
        id: task.id,
        body: { problem: v.problem.trim(), departments: v.departments?.trim() ?? '', leaderId: v.leaderId },
      });
      message.success('已提请协调，分管区领导将收到通知');
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <Modal
      open={open}
      title="提请协调"
      okText="提交"
      cancelText="取消"
      confirmLoading={raise.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={600}
    >
      {error !== null && <ErrorAlert error={error} />}
      <Form form={form} layout="vertical" preserve={false} initialValues={{ leaderId: task.leaders[0]?.id }}>
        <Form.Item
          name="problem"
          label="需协调解决的问题"
          rules={[{ required: true, whitespace: true, message: '请填写需协调解决的问题' }]}
        >
          <Input.TextArea rows={5} maxLength={2000} showCount placeholder="说明问题、已做的工作和需要领导协调的事项" />
        </Form.Item>
        <Form.Item name="departments" label="涉及部门">
          <Input maxLength={500} placeholder="如：区自然资源和规划局、区财政局" />
        </Form.Item>
        <Form.Item name="leaderId" label="提请领导" rules={[{ required: true, message: '请选择提请协调的分管区领导' }]}>
          <Select
            options={task.leaders.map((l) => ({ value: l.id, label: l.name }))}
            placeholder="本事项的分管区领导"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
