import { Button, DatePicker, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { ACTION_LABELS, ENTITY_LABELS } from './labels';
import { useAuditActors, type AuditFilters } from './api';

const actorKey = (a: { userId: number | null; name: string }) => (a.userId !== null ? `u:${a.userId}` : `n:${a.name}`);

// Choices by their Chinese words only; the code stays the value sent to the server.
const ACTION_OPTIONS = Object.entries(ACTION_LABELS).map(([value, label]) => ({ value, label }));
const ENTITY_OPTIONS = Object.entries(ENTITY_LABELS).map(([value, label]) => ({ value, label }));
const filterByLabel = (input: string, option?: { label?: unknown }) => String(option?.label ?? '').includes(input.trim());

/** 操作人、操作、对象类型、日期: the log is filtered on the server, so every page matches. */
export function AuditFilterBar({ value, onChange }: { value: AuditFilters; onChange: (next: AuditFilters) => void }) {
  const actors = useAuditActors();
  const actorOptions = (actors.data?.items ?? []).map((a) => ({
    value: actorKey(a),
    label: a.roleLabel ? `${a.name}（${a.roleLabel}）` : `${a.name}（系统）`,
    actor: { userId: a.userId, name: a.name },
  }));
  const empty = !value.actor && value.actions.length === 0 && !value.entity && !value.from;
  return (
    <Space wrap size={[12, 12]} style={{ marginBottom: 16 }} data-testid="audit-filters">
      <Select
        aria-label="操作人"
        placeholder="操作人"
        style={{ width: 220 }}
        allowClear
        showSearch
        loading={actors.isPending}
        filterOption={filterByLabel}
        options={actorOptions}
        value={value.actor ? actorKey(value.actor) : undefined}
        onChange={(key?: string) => onChange({ ...value, actor: actorOptions.find((o) => o.value === key)?.actor })}
      />
      <Select
        aria-label="操作"
        placeholder="操作"
        mode="multiple"
        style={{ minWidth: 220, maxWidth: 420 }}
        allowClear
        maxTagCount="responsive"
        filterOption={filterByLabel}
        options={ACTION_OPTIONS}
        value={value.actions}
        onChange={(actions: string[]) => onChange({ ...value, actions })}
      />
      <Select
        aria-label="对象类型"
        placeholder="对象类型"
        style={{ width: 160 }}
        allowClear
        showSearch
        filterOption={filterByLabel}
        options={ENTITY_OPTIONS}
        value={value.entity}
        onChange={(entity?: string) => onChange({ ...value, entity })}
      />
      <DatePicker.RangePicker
        aria-label="操作日期（系统时间）"
        placeholder={['开始日期', '结束日期']}
        value={value.from && value.to ? [dayjs(value.from), dayjs(value.to)] : null}
        disabledDate={(d) => d.isAfter(dayjs(), 'day')}
        onChange={(r) =>
          onChange({ ...value, from: r?.[0]?.format('YYYY-MM-DD') ?? undefined, to: r?.[1]?.format('YYYY-MM-DD') ?? undefined })
        }
      />
      <Button disabled={empty} onClick={() => onChange({ actions: [] })}>
        清除筛选
      </Button>
    </Space>
  );
}
