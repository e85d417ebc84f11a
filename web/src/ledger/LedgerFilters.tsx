import { FilterOutlined } from '@ant-design/icons';
import { Button, DatePicker, Input, Segmented, Select, Space, Switch, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { AnnexKind } from '../../../core/notice/types';
import { LIGHT_LABELS, LIGHT_ORDER } from '../dashboard/lights';
import { useLeaders, useUnits } from '../directory/api';
import { useIsPhone } from '../layout/useIsPhone';
import { ANNEX_KIND_LABELS } from '../notices/labels';
import { numberParam, type FilterKey } from './filters';

// The notice lists its annexes in this order (DESIGN.md); the kind says whose work report it is.
const ANNEX_KINDS: AnnexKind[] = ['district-gwr', 'province-gwr', 'province-livelihood', 'city-gwr', 'city-livelihood'];
const ANNEX_OPTIONS = ANNEX_KINDS.map((kind, i) => ({
  value: i + 1,
  label: `附件${i + 1} · ${ANNEX_KIND_LABELS[kind]}`,
}));
const LIGHT_OPTIONS = LIGHT_ORDER.map((l) => ({ value: l, label: LIGHT_LABELS[l] }));
/** 销号: the tasks the office closed as completed, or those still reported on. */
const CLOSED_OPTIONS = [
  { value: 'yes', label: '已销号' },
  { value: 'no', label: '未销号' },
];

interface Props {
  params: URLSearchParams;
  /** Sets (or with undefined, clears) filters; the page resets paging. */
  onChange: (changes: Partial<Record<FilterKey | 'all', string | undefined>>) => void;
  /** The leader's own id when the signed-in person is a leader: shows the portfolio toggle. */
  ownLeaderId: number | null;
  portfolioOn: boolean;
}

/**
 * The filter bar above the ledger table, in two fixed rows (what the task is; who does it and by
 * when) so nothing wraps to an odd place at 1440 px.
 */
export function LedgerFilters({ params, onChange, ownLeaderId, portfolioOn }: Props) {
  const leaders = useLeaders();
  const units = useUnits();
  const q = params.get('q') ?? '';
  // The box keeps what is being typed; the URL changes only on search (Enter or the button).
  const [typed, setTyped] = useState(q);
  useEffect(() => setTyped(q), [q]);
  const unitId = numberParam(params, 'unitId');
  const dueBy = params.get('dueBy');
  const set = (key: FilterKey) => (v?: number | string) => onChange({ [key]: v ? String(v) : undefined });
  // On a phone the filters fold under one button (the search stays): the cards come first.
  const phone = useIsPhone();
  const [unfolded, setUnfolded] = useState(false);
  const active = (['annexNo', 'light', 'closed', 'leaderId', 'unitId', 'unitRole', 'dueBy'] as const).filter((k) => params.get(k)).length;
  const search = (
    <Input.Search
      allowClear
      placeholder="搜索工作标准、上级事项、目标，如 充电桩"
      style={{ width: 380, maxWidth: '100%' }}
      value={typed}
      onChange={(e) => setTyped(e.target.value)}
      onSearch={(v) => onChange({ q: v.trim() || undefined })}
      enterButton="搜索"
      aria-label="搜索"
    />
  );
  if (phone && !unfolded) {
    return (
      <div className="ledger-filters" data-testid="ledger-filters">
        <Space wrap size={[12, 8]}>
          {search}
          <Button icon={<FilterOutlined />} onClick={() => setUnfolded(true)} aria-expanded={false}>
            {active ? `筛选（已选 ${active} 项）` : '筛选'}
          </Button>
        </Space>
      </div>
    );
  }

  return (
    <div className="ledger-filters" data-testid="ledger-filters">
      <Space wrap size={[12, 8]}>
        {search}
        {phone && (
          <Button icon={<FilterOutlined />} onClick={() => setUnfolded(false)} aria-expanded>
            收起筛选
          </Button>
        )}
        <Select
          allowClear
          placeholder="附件"
          aria-label="附件"
          style={{ width: 220 }}
          value={numberParam(params, 'annexNo')}
          options={ANNEX_OPTIONS}
          onChange={set('annexNo')}
        />
        <Select
          allowClear
          placeholder="灯色"
          aria-label="灯色"
          style={{ width: 110 }}
          value={params.get('light') ?? undefined}
          options={LIGHT_OPTIONS}
          onChange={set('light')}
        />
        <Select
          allowClear
          placeholder="是否销号"
          aria-label="是否销号"
          style={{ width: 120 }}
          value={params.get('closed') ?? undefined}
          options={CLOSED_OPTIONS}
          onChange={set('closed')}
        />
      </Space>
      <Space wrap size={[12, 8]}>
        {ownLeaderId !== null && (
          <Space size={6}>
            <Switch
              checked={portfolioOn}
              onChange={(on) =>
                onChange(on ? { all: undefined, leaderId: undefined } : { all: '1', leaderId: undefined })
              }
              aria-label="只看本人分管"
            />
            <Typography.Text>只看本人分管</Typography.Text>
          </Space>
        )}
        {/* With the portfolio on, the leader filter is the leader: no second control saying so. */}
        {!portfolioOn && (
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="分管区领导"
            aria-label="分管区领导"
            style={{ width: 140 }}
            loading={leaders.isPending}
            value={numberParam(params, 'leaderId')}
            options={(leaders.data ?? []).map((l) => ({ value: l.id, label: l.name }))}
            onChange={(v?: number) =>
              onChange({ leaderId: v ? String(v) : undefined, all: v ? undefined : (params.get('all') ?? undefined) })
            }
          />
        )}
        <Select
          allowClear
          showSearch
          optionFilterProp="label"
          placeholder="责任单位"
          aria-label="责任单位"
          style={{ width: 200 }}
          loading={units.isPending}
          value={unitId}
          options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          onChange={set('unitId')}
        />
        <Segmented
          aria-label="牵头或配合"
          disabled={!unitId}
          value={params.get('unitRole') ?? 'any'}
          options={[
            { value: 'any', label: '全部' },
            { value: 'lead', label: '牵头' },
            { value: 'co', label: '配合' },
          ]}
          onChange={(v) => onChange({ unitRole: v === 'any' ? undefined : String(v) })}
        />
        <DatePicker
          placeholder="截止日期不晚于"
          aria-label="截止日期"
          style={{ width: 160 }}
          value={dueBy ? dayjs(dueBy) : null}
          onChange={(d) => onChange({ dueBy: d ? d.format('YYYY-MM-DD') : undefined })}
        />
      </Space>
    </div>
  );
}
