import { Alert, App, Form, Input, Modal, Select } from 'antd';
import { ErrorAlert } from '../layout/ErrorAlert';
import { errorMessage } from '../api/client';
import type { Role, User } from '../api/types';
import { useLeaders, useUnits } from '../directory/api';
import { BUSINESS_ROLES, UNIT_ROLES } from '../../../core/roles';
import { ROLE_LABELS } from '../roles';
import { useCreateUser, useUpdateUser } from './api';

interface Values {
  username: string;
  displayName: string;
  role: Role;
  unitId?: number | null;
  leaderId?: number | null;
  reason?: string;
}

// Which link a role needs: a unit's clerk and head belong to a unit (the same rule the server
// enforces, from core/roles); a leader account is a leader in the directory.
const NEEDS_UNIT: readonly Role[] = UNIT_ROLES;

export function UserFormModal({ user, onClose }: { user: User | null; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const role = Form.useWatch('role', form);
  const create = useCreateUser();
  const update = useUpdateUser();
  const units = useUnits();
  const leaders = useLeaders();
  const { message, modal } = App.useApp();
  const saving = create.isPending || update.isPending;
  const failure = create.error ?? update.error;

  const submit = async () => {
    const v = await form.validateFields();
    const unitId = v.role && NEEDS_UNIT.includes(v.role) ? (v.unitId ?? null) : null;
    const leaderId = v.role === 'leader' ? (v.leaderId ?? null) : null;
    const reason = v.reason?.trim() ?? '';
    if (user) {
      update.mutate(
        { id: user.id, input: { displayName: v.displayName.trim(), role: v.role, unitId, leaderId, reason, version: user.version } },
        {
          onSuccess: ({ request }) => {
            onClose();
            // A new role or unit grants access: it waits for the security administrator.
            if (request) {
              modal.info({
                title: '已提交审批',
                content: `姓名等信息已保存；${request.kindLabel}须经安全管理员批准后生效，批准前该账号仍按原角色和单位使用。`,
              });
            } else message.success('用户信息已保存');
          },
        },
      );
    } else {
      create.mutate(
        { username: v.username.trim(), displayName: v.displayName.trim(), role: v.role, unitId, leaderId, reason },
        {
          onSuccess: () => {
            onClose();
            // 三员分立 (two-person rule): the account exists only once the security administrator approves.
            modal.success({
              title: '新建账号申请已提交',
              content: (
                <div>
                  <p>
                    用户名：<strong>{v.username.trim()}</strong>
                  </p>
                  <p>账号须经安全管理员批准后才会创建。批准时系统生成初始密码，由安全管理员交给本人；本人首次登录须修改密码。</p>
                </div>
              ),
            });
          },
        },
      );
    }
  };

  return (
    <Modal
      open
      title={user ? `编辑用户：${user.displayName}` : '新建用户'}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={saving}
      maskClosable={false}
      destroyOnHidden
      width={560}
    >
      {failure && <ErrorAlert error={failure} />}
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={
          user
            ? {
                username: user.username,
                displayName: user.displayName,
                role: user.role,
                unitId: user.unit?.id ?? null,
                leaderId: user.leader?.id ?? null,
              }
            : { role: 'unit_staff' }
        }
      >
        <Form.Item
          label="用户名"
          name="username"
          extra={user ? '用户名创建后不可修改' : '用于登录：小写字母、数字、点、下划线或连字符，如 jtj.jingban'}
          rules={[
            { required: true, whitespace: true, message: '请输入用户名' },
            {
              pattern: /^[a-z0-9][a-z0-9._-]{1,63}$/,
              message: '用户名为 2–64 位小写字母、数字、点、下划线或连字符，以字母或数字开头',
            },
          ]}
        >
          <Input disabled={!!user} autoComplete="off" />
        </Form.Item>
        <Form.Item
          label="姓名"
          name="displayName"
          rules={[
            { required: true, whitespace: true, message: '请输入姓名' },
            { max: 50, message: '姓名不超过 50 个字' },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item label="角色" name="role" rules={[{ required: true, message: '请选择角色' }]}>
          <Select options={BUSINESS_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} />
        </Form.Item>
        {role && NEEDS_UNIT.includes(role) && (
          <Form.Item
            label="所属单位"
            name="unitId"
            extra={role === 'viewer' ? '可选：查看人员关联单位（如镇街）后只查看与该单位相关的内容' : undefined}
            rules={[{ required: NEEDS_UNIT.includes(role), message: '单位经办人和单位负责人必须选择所属单位' }]}
          >
            <Select
              showSearch
              allowClear={role === 'viewer'}
              loading={units.isPending}
              placeholder="请选择单位"
              optionFilterProp="label"
              notFoundContent={units.error ? errorMessage(units.error) : undefined}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
        )}
        {role === 'leader' && (
          <Form.Item label="对应领导" name="leaderId" rules={[{ required: true, message: '请选择该账号对应的区领导' }]}>
            <Select
              showSearch
              loading={leaders.isPending}
              placeholder="请选择领导"
              optionFilterProp="label"
              notFoundContent={leaders.error ? errorMessage(leaders.error) : undefined}
              options={(leaders.data ?? []).map((l) => ({
                value: l.id,
                label: `${l.name}${l.title ? `（${l.title}）` : ''}`,
              }))}
            />
          </Form.Item>
        )}
        <Form.Item
          label="申请说明"
          name="reason"
          extra={user ? '变更角色或所属单位时填写，供安全管理员审批时参考' : '供安全管理员审批时参考，如“新调入教育局经办人”'}
          rules={[{ max: 200, message: '申请说明不超过 200 字' }]}
        >
          <Input.TextArea rows={2} autoComplete="off" />
        </Form.Item>
        <Alert
          type="info"
          showIcon
          message={user ? '姓名修改立即生效；角色、所属单位或对应领导的变更须经安全管理员批准后生效。' : '新建账号须经安全管理员批准后生效；初始密码在批准时生成，由安全管理员交给本人。'}
        />
      </Form>
    </Modal>
  );
}
