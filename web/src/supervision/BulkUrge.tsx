import { BellOutlined } from '@ant-design/icons';
import { Alert, Button, Space, Tag } from 'antd';
import { Suspense, useState } from 'react';
import { lazyWithPreload } from '../lazyWithPreload';
import './supervision.css';
import { useUrgeTallies, type BulkUrgeResult } from './api';

// The confirmation (a form, BulkUrgeModal.tsx) is a chunk of its own, off the office home's first
// screen; pointing at either button starts its download.
const BulkUrgeModalChunk = lazyWithPreload(() => import('./BulkUrgeModal'));
const BulkUrgeModal = BulkUrgeModalChunk.Component;
const preloadModal = () => void BulkUrgeModalChunk.preload().catch(() => undefined);

type Unit = { unitId: number; unitName: string };

const md = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;

/** 已催办 N 次 · M月D日 (the last one, 业务日期), on a unit's row; nothing when the unit was never urged. */
export function UrgeTally({ periodId, unitId }: { periodId: number; unitId: number }) {
  const tally = useUrgeTallies(periodId).data?.get(unitId);
  if (!tally) return null;
  return (
    <Tag
      className="urge-tally-tag"
      data-testid="urge-tally"
      title={`最近一次催办：${md(tally.lastOn)}（业务日期）；人工催办 ${tally.manual} 次，系统自动催办 ${tally.auto} 次`}
      style={{ marginInlineEnd: 0 }}
    >
      已催办 {tally.count} 次 · {md(tally.lastOn)}
    </Tag>
  );
}

/** 催办全部未报送单位 and 催办所选单位, above the 本期报送情况 table. */
export function BulkUrgeBar({
  periodId,
  periodLabel,
  unreported,
  selected,
  onDone,
}: {
  periodId: number;
  periodLabel: string;
  /** Units whose report has not reached the office (not exempt). */
  unreported: Unit[];
  selected: Unit[];
  onDone: () => void;
}) {
  const [open, setOpen] = useState<'all' | 'selected' | null>(null);
  const [last, setLast] = useState<BulkUrgeResult | null>(null);
  return (
    <>
      <Space wrap style={{ marginBottom: 8 }}>
        <Button
          type="primary"
          icon={<BellOutlined />}
          disabled={unreported.length === 0}
          onMouseEnter={preloadModal}
          onFocus={preloadModal}
          onClick={() => setOpen('all')}
        >
          催办全部未报送单位（{unreported.length}）
        </Button>
        <Button
          icon={<BellOutlined />}
          disabled={selected.length === 0}
          onMouseEnter={preloadModal}
          onFocus={preloadModal}
          onClick={() => setOpen('selected')}
        >
          催办所选单位{selected.length ? `（${selected.length}）` : ''}
        </Button>
      </Space>
      {last && last.skipped.length > 0 && (
        <Alert
          type="info"
          showIcon
          closable
          onClose={() => setLast(null)}
          style={{ marginBottom: 8 }}
          message={`${last.skipped.length} 个单位未催办：${last.skipped.map((s) => `${s.unitName}（${s.reason}）`).join('；')}`}
        />
      )}
      {open && (
        <Suspense fallback={null}>
          <BulkUrgeModal
            periodId={periodId}
            periodLabel={periodLabel}
            units={open === 'all' ? unreported : selected}
            title={open === 'all' ? '催办全部未报送单位' : '催办所选单位'}
            onClose={(r) => {
              setOpen(null);
              if (r) {
                setLast(r);
                onDone();
              }
            }}
          />
        </Suspense>
      )}
    </>
  );
}
