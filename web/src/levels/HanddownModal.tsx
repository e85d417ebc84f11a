import { App, Alert, Checkbox, Empty, Form, Input, Modal, Radio, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../layout/ErrorAlert';
import { QueryError } from '../layout/QueryError';
import type { TaskDetail } from '../ledger/api';
import { taskRef } from '../ledger/TaskTags';
import { levelLabel } from './access';
import {
  useHanddown,
  useLevelOrganisations,
  useRollupTask,
  type HanddownTarget,
  type LowerOrg,
  type RollupLower,
} from './api';

type Mode = 'lower' | 'set';
type OrgValues = { on?: boolean; mode?: Mode; standard?: string; deadline?: string };
type Values = { orgs: Record<string, OrgValues> };

/** Lower organisations in tree order: a city's districts right under it (a province hands to both). */
function treeOrder(below: LowerOrg[], rootId: number): { org: LowerOrg; depth: number }[] {
  const out: { org: LowerOrg; depth: number }[] = [];
  const walk = (parentId: number, depth: number) => {
    for (const o of below.filter((b) => b.parentId === parentId)) {
      out.push({ org: o, depth });
      walk(o.id, depth + 1);
    }
  };
  walk(rootId, 0);
  // Anything the walk missed (a parent outside the list) still gets offered.
  for (const o of below) if (!out.some((x) => x.org.id === o.id)) out.push({ org: o, depth: 0 });
  return out;
}

/**
 * 下达: the upper office picks lower organisations and, for each, either lets that office set its own
 * target and deadline (由下级督查室确定目标) or gives the lower target text and deadline itself.
 * Organisations already carrying the item are shown, not offered again.
 */
export function HanddownModal({
  task,
  open,
  onClose,
}: {
  task: TaskDetail['task'];
  open: boolean;
  onClose: () => void;
}) {
  const orgs = useLevelOrganisations(open);
  const existing = useRollupTask(task.id, open);
  const handdown = useHanddown();
  const [form] = Form.useForm<Values>();
  const values = Form.useWatch('orgs', form) as Values['orgs'] | undefined;
  const [error, setError] = useState<unknown>(null);
  const { message } = App.useApp();

  const carried = new Map<number, RollupLower>((existing.data?.lower ?? []).map((l) => [l.org.id, l]));
  const rows = orgs.data ? treeOrder(orgs.data.below, orgs.data.current.id) : [];
  const mixedLevels = new Set(rows.map((r) => r.org.level)).size > 1;
  const chosen = rows.filter((r) => values?.[r.org.id]?.on && !carried.has(r.org.id));

  const submit = async () => {
    const v = await form.validateFields();
    const targets: HanddownTarget[] = chosen.map(({ org }) => {
      const o = v.orgs[org.id]!;
      return o.mode === 'set'
        ? { orgId: org.id, standard: (o.standard ?? '').trim(), deadline: o.deadline?.trim() || null }
        : { orgId: org.id, standard: null, deadline: null };
    });
    setError(null);
    try {
      const res = await handdown.mutateAsync({ taskId: task.id, targets });
      const names = res.items.map((i) => i.lowerOrgName).join('、');
      message.success(`已下达至${names}，各下级督查室已收到通知`);
      onClose();
    } catch (err) {
      setError(err);
    }
  };

  const loading = orgs.isPending || existing.isPending;
  return (
    <Modal
      open={open}
      title={`下达事项：${taskRef(task)}`}
      okText={chosen.length ? `下达至 ${chosen.length} 个下级机构` : '下达'}
      cancelText="取消"
      okButtonProps={{ disabled: chosen.length === 0 }}
      confirmLoading={handdown.isPending}
      onOk={() => void submit()}
      onCancel={onClose}
      destroyOnHidden
      width={760}
    >
      <Typography.Paragraph type="secondary" ellipsis={{ rows: 3, tooltip: task.standard }}>
        {task.standard}
        {task.deadline ? `（完成时限：${task.deadline}）` : ''}
      </Typography.Paragraph>
      {error !== null && <ErrorAlert error={error} />}
      {orgs.error && <QueryError error={orgs.error} onRetry={() => void orgs.refetch()} />}
      {existing.error && <QueryError error={existing.error} onRetry={() => void existing.refetch()} />}
      {loading && !orgs.error && <Skeleton active paragraph={{ rows: 4 }} />}
      {!loading && carried.size > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message={`已下达至：${[...carried.values()].map((l) => `${l.org.name}（${l.origin === 'handed_down' ? '交办' : '导入时关联'}）`).join('、')}`}
          data-testid="handdown-existing"
        />
      )}
      {!loading && orgs.data && rows.length === 0 && <Empty description="本级没有下级机构" />}
      {!loading && orgs.data && rows.length > 0 && (
        <Form<Values>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{
            orgs: Object.fromEntries(
              rows.map(({ org }) => [
                org.id,
                { on: false, mode: 'lower', standard: task.standard, deadline: task.deadline ?? '' },
              ]),
            ),
          }}
        >
          <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
            选择下级机构
          </Typography.Text>
          {rows.map(({ org, depth }) => {
            const done = carried.get(org.id);
            const v = values?.[org.id];
            const on = !done && !!v?.on;
            return (
              <div
                key={org.id}
                className={`levels-handdown-org${on ? ' levels-handdown-org-checked' : ''}`}
                style={{ marginInlineStart: depth * 24 }}
                data-testid={`handdown-org-${org.name}`}
              >
                <Space>
                  <Form.Item name={['orgs', String(org.id), 'on']} valuePropName="checked" noStyle>
                    <Checkbox disabled={!!done}>{org.name}</Checkbox>
                  </Form.Item>
                  {mixedLevels && <Tag>{levelLabel(org.level)}级</Tag>}
                  {done && (
                    <>
                      <Tag color="green">已下达</Tag>
                      <Link to={`/rollup/lower-tasks/${done.taskId}`}>查看{org.name}事项</Link>
                    </>
                  )}
                </Space>
                {on && (
                  <div style={{ marginTop: 8, marginInlineStart: 24 }}>
                    <Form.Item name={['orgs', String(org.id), 'mode']} style={{ marginBottom: 8 }}>
                      <Radio.Group
                        options={[
                          { value: 'lower', label: '由下级督查室确定目标' },
                          { value: 'set', label: '下达本级目标' },
                        ]}
                      />
                    </Form.Item>
                    {v?.mode === 'set' && (
                      <div style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}>
                        <Form.Item
                          name={['orgs', String(org.id), 'standard']}
                          label={`${org.name}目标任务`}
                          rules={[{ required: true, whitespace: true, message: `请填写${org.name}的目标任务` }]}
                          style={{ flex: 1, marginBottom: 8 }}
                        >
                          <Input.TextArea rows={3} maxLength={5000} />
                        </Form.Item>
                        <Form.Item
                          name={['orgs', String(org.id), 'deadline']}
                          label={`${org.name}完成时限`}
                          extra={task.deadline ? `留空则沿用上级时限（${task.deadline}）` : undefined}
                          style={{ width: 210, marginBottom: 8 }}
                        >
                          <Input maxLength={50} placeholder="如：12月" />
                        </Form.Item>
                      </div>
                    )}
                    {v?.mode !== 'set' && (
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {org.name}先沿用上级原文，由其督查室确定本级目标、完成时限，并指定责任单位。
                      </Typography.Text>
                    )}
                  </div>
                )}
              </div>
            );
          })}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            下达后，事项进入各下级机构的台账（对应附件），由其督查室指定分管领导和责任单位；进展在“上下级汇总”中查看。
          </Typography.Text>
        </Form>
      )}
    </Modal>
  );
}
