import { Alert, App, Form, Input, Modal } from 'antd';
import { ErrorAlert } from '../layout/ErrorAlert';
import type { User } from '../api/types';
import { useResetPassword } from './api';

/**
 * 重置密码, asked for (issue 17, finding 4): the system administrator states why; the security
 * administrator approves, and only then is a new password generated — shown to the approver, who
 * hands it to the person. Until then the account keeps its password and its sessions.
 */
export function ResetPasswordModal({ user, onClose }: { user: User; onClose: () => void }) {
  const [form] = Form.useForm<{ reason: string }>();
  const reset = useResetPassword();
  const { modal } = App.useApp();

  const submit = async () => {
    const { reason } = await form.validateFields();
    reset.mutate(
      { id: user.id, reason: reason.trim() },
      {
        onSuccess: () => {
          onClose();
          modal.success({
            title: '重置密码申请已提交',
            content: `安全管理员批准后，系统为 ${user.displayName}（${user.username}）生成新密码，由安全管理员交给本人；本人登录后须修改密码。批准前原密码仍然有效。`,
          });
        },
      },
    );
  };

  return (
    <Modal
      open
      title={`重置密码：${user.displayName}`}
      okText="提交审批"
      onOk={submit}
      onCancel={onClose}
      confirmLoading={reset.isPending}
      maskClosable={false}
      destroyOnHidden
    >
      {reset.isError && <ErrorAlert error={reset.error} />}
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        message="重置密码须经安全管理员批准（三员分立、双人控制）"
        description="系统管理员不设置、也看不到新密码：批准时系统生成新密码，只显示给批准的安全管理员，由其核实本人身份后交给本人。"
      />
      <Form form={form} layout="vertical">
        <Form.Item
          label="申请说明"
          name="reason"
          rules={[
            { required: true, whitespace: true, message: '请说明重置原因，如“本人来电称遗忘密码，已回拨核实”' },
            { max: 200, message: '申请说明不超过 200 字' },
          ]}
        >
          <Input.TextArea rows={3} placeholder="如：本人来电称遗忘密码，已回拨办公电话核实" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
