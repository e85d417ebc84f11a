import { App, Form, Input, Modal } from 'antd';
import { ErrorAlert } from '../layout/ErrorAlert';
import type { Leader } from '../api/types';
import { useSaveLeader, type LeaderInput } from './api';

export function LeaderFormModal({ leader, onClose }: { leader: Leader | null; onClose: () => void }) {
  const [form] = Form.useForm<LeaderInput>();
  const save = useSaveLeader();
  const { message } = App.useApp();

  const submit = async () => {
    const values = await form.validateFields();
    const input = { name: values.name.trim(), title: (values.title ?? '').trim() };
    // An edit goes with the version of the leader as the modal opened it (someone else's save since is refused).
    save.mutate(
      leader ? { id: leader.id, input, version: leader.version } : { id: null, input },
      {
        onSuccess: () => {
          message.success(leader ? '领导信息已保存' : '领导已新增');
          onClose();
        },
      },
    );
  };

  return (
    <Modal
      open
      title={leader ? `编辑领导：${leader.name}` : '新增领导'}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={save.isPending}
      maskClosable={false}
      destroyOnHidden
    >
      {save.isError && <ErrorAlert error={save.error} />}
      <Form<LeaderInput>
        form={form}
        layout="vertical"
        initialValues={{ name: leader?.name ?? '', title: leader?.title ?? '' }}
      >
        <Form.Item
          label="姓名"
          name="name"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 20, message: '姓名不超过 20 个字' },
          ]}
        >
          <Input placeholder="如：丁力" maxLength={20} />
        </Form.Item>
        <Form.Item label="职务" name="title" rules={[{ max: 100, message: '职务不超过 100 个字' }]}>
          <Input placeholder="如：区委常委、常务副区长" maxLength={100} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
