import { App, DatePicker, Form, Input, Modal, Select, Tag } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { ApiError } from '../api/client';
import { useLeaders, useUnits } from '../directory/api';
import { ErrorAlert } from '../layout/ErrorAlert';
import { levelPrefix } from '../layout/orgLevel';
import { useSession } from '../auth/session';
import { useEditTask, type TaskDetail } from './api';

interface Values {
  standard: string;
  deadline?: string;
  dueDate?: Dayjs | null;
  leaderIds: number[];
  unitIds: number[];
}

/**
 * The office edits a task. The version it was opened at goes with the save: if someone else saved
 * meanwhile the server refuses (EDIT_CONFLICT) and the page reloads the newer task instead of
 * overwriting it.
 */
export function EditTaskModal({
  task,
  open,
  onClose,
  onConflict,
}: {
  task: TaskDetail['task'];
  open: boolean;
  onClose: () => void;
  onConflict: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const edit = useEditTask();
  const leaders = useLeaders();
  const units = useUnits();
  const { message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const { me } = useSession();

  const submit = async () => {
    const v = await form.validateFields();
    setError(null);
    try {
      const { version } = await edit.mutateAsync({
        id: task.id,
        body: {
          version: task.version,
          standard: v.standard.trim(),
          deadline: v.deadline?.trim() || null,
          dueDate: v.dueDate ? v.dueDate.format('YYYY-MM-DD') : null,
          leaderIds: v.leaderIds,
          unitIds: v.unitIds,
        },
      });
      message.success(`已保存，事项更新为第${version}版`);
      onClose();
    } catch (err) {
      if (err instanceof ApiError && err.code === 'EDIT_CONFLICT') {
        message.warning({ content: `${err.message}。已重新加载最新内容。`, duration: 6 });
        onConflict();
        onClose();
        return;
      }
      setError(err);
    }
  };

  return (
    <Modal
      open={open}
      title={`编辑事项（当前第${task.version}版）`}
      okText="保存"
      cancelText="取消"
      confirmLoading={edit.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={720}
    >
      {error !== null && <ErrorAlert error={error} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{
          standard: task.standard,
          deadline: task.deadline ?? '',
          dueDate: task.dueDate ? dayjs(task.dueDate) : null,
          leaderIds: task.leaders.map((l) => l.id),
          unitIds: task.units.map((u) => u.id),
        }}
      >
        <Form.Item
          name="standard"
          label="工作标准"
          rules={[{ required: true, whitespace: true, message: '请填写工作标准' }]}
        >
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <div style={{ display: 'flex', gap: 16 }}>
          <Form.Item name="deadline" label="完成时限（原文）" style={{ flex: 1 }}>
            <Input maxLength={50} placeholder="如：12月" />
          </Form.Item>
          <Form.Item name="dueDate" label="截止日期" style={{ flex: 1 }}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        </div>
        <Form.Item name="leaderIds" label={`分管${levelPrefix(me?.org.level)}领导`}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            loading={leaders.isPending}
            options={(leaders.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
          />
        </Form.Item>
        <Form.Item
          name="unitIds"
          label="责任单位"
          extra="按选择顺序排列，第一个为牵头单位；调整顺序可删除后重新选择。"
          rules={[{ required: true, message: '至少需要一个责任单位' }]}
        >
          <Select
            mode="multiple"
            optionFilterProp="label"
            loading={units.isPending}
            options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            tagRender={({ label, value, closable, onClose: close }) => {
              const first = (form.getFieldValue('unitIds') as number[] | undefined)?.[0] === value;
              return (
                <Tag
                  color={first ? 'red' : undefined}
                  closable={closable}
                  onClose={close}
                  style={{ marginInlineEnd: 4 }}
                >
                  {first ? '牵头 ' : ''}
                  {label}
                </Tag>
              );
            }}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
