import { Alert, App, Form, Input, Modal } from 'antd';
import { ErrorAlert } from '../layout/ErrorAlert';
import { useChangePassword } from './session';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

/**
 * Change one's own password. When `forced` (the account still has its initial password), the modal
 * cannot be dismissed: the server sets mustChangePassword until the user picks their own.
 */
export function ChangePasswordModal({
  open,
  forced = false,
  onClose,
}: {
  open: boolean;
  forced?: boolean;
  onClose: () => void;
}) {
  const [form] = Form.useForm<Values>();
  const change = useChangePassword();
  const { message } = App.useApp();

  const close = () => {
    form.resetFields();
    change.reset();
    onClose();
  };

  const submit = async () => {
    const values = await form.validateFields();
    change.mutate(
      { currentPassword: values.currentPassword, newPassword: values.newPassword },
      {
        onSuccess: () => {
          message.success('密码已修改');
          close();
        },
      },
    );
  };

  return (
    <Modal
      title={forced ? '首次登录，请修改初始密码' : '修改密码'}
      open={open}
      onOk={submit}
      onCancel={forced ? undefined : close}
      closable={!forced}
      maskClosable={false}
      keyboard={!forced}
      confirmLoading={change.isPending}
      cancelButtonProps={forced ? { style: { display: 'none' } } : undefined}
      destroyOnHidden
    >
      {forced && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          message="为保障账号安全，使用系统前需先设置新密码。"
        />
      )}
      {change.isError && <ErrorAlert error={change.error} />}
      <Form<Values> form={form} layout="vertical" preserve={false}>
        <Form.Item label="当前密码" name="currentPassword" rules={[{ required: true, message: '请输入当前密码' }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item
          label="新密码"
          name="newPassword"
          extra="至少 8 位，包含大写字母、小写字母、数字、符号中的至少三类"
          rules={[
            { required: true, message: '请输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                value && value === getFieldValue('currentPassword')
                  ? Promise.reject(new Error('新密码不能与当前密码相同'))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          label="确认新密码"
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: '请再次输入新密码' },
            ({ getFieldValue }) => ({
              validator: (_, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error('两次输入的新密码不一致')),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
