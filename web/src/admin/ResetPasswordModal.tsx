import { App, Button, Form, Input, Modal, Space } from 'antd';
import { ErrorAlert } from '../layout/ErrorAlert';
import type { User } from '../api/types';
import { generatePassword, useResetPassword } from './api';

export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<{ password: string }>();
  const reset = useResetPassword();
  const { modal } = App.useApp();

  const submit = async () => {
    const { password } = await form.validateFields();
    reset.mutate(
      { id: user.id, password },
      {
        onSuccess: () => {
          onClose();
          modal.success({
            title: '密码已重置',
            content: (
              <div>
                <p>
                  {user.displayName}（{user.username}）的新密码：<code>{password}</code>
                </p>
                <p>请通过安全渠道告知本人，登录后须修改密码。</p>
              </div>
            ),
          });
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`重置密码：${user.displayName}`}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      maskClosable={false}
      destroyOnHidden
    >
      {reset.isError && <ErrorAlert error={reset.error} />}
      <Form form={form} layout="vertical">
        <Form.Item label="新密码" required htmlFor="password" extra="重置后该用户下次登录须修改密码">
          <Space.Compact style={{ width: '100%' }}>
            <Form.Item name="password" noStyle rules={[{ required: true, message: '请输入或生成新密码' }]}>
              <Input.Password autoComplete="new-password" />
            </Form.Item>
            <Button onClick={() => form.setFieldsValue({ password: generatePassword() })}>随机生成</Button>
          </Space.Compact>
        </Form.Item>
      </Form>
    </Modal>
  );
}
