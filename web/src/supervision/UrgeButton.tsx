import { BellOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { Suspense, useState } from 'react';
import { lazyWithPreload } from '../lazyWithPreload';

// The modal (a form) is a chunk of its own: the 本期报送情况 table on the office's home shows a
// button per unit, and most visits urge nobody. Pointing at a button starts the download.
const UrgeModalChunk = lazyWithPreload(() => import('./UrgeModal'));
const UrgeModal = UrgeModalChunk.Component;
const preloadModal = () => void UrgeModalChunk.preload().catch(() => undefined);

type Props = {
  periodId: number;
  periodLabel: string;
  unitId: number;
  unitName: string;
  size?: 'small' | 'middle';
};

/** 催办: a button on a unit's row and a modal with the message the unit will receive. */
export function UrgeButton({ periodId, periodLabel, unitId, unitName, size = 'small' }: Props) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size={size}
        icon={<BellOutlined />}
        onMouseEnter={preloadModal}
        onFocus={preloadModal}
        onClick={() => setOpen(true)}
      >
        催办
      </Button>
      {open && (
        <Suspense fallback={null}>
          <UrgeModal
            periodId={periodId}
            periodLabel={periodLabel}
            unitId={unitId}
            unitName={unitName}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
