import { Card, Skeleton } from 'antd';
import { Suspense } from 'react';
import { useSession } from '../auth/session';
import { lazyWithPreload } from '../lazyWithPreload';
import { canReadRollup } from './access';

// Only a city's or province's office has lower organisations to rank: a district's home (most
// offices) never downloads the ranking's code (its table, progress bars and formats).
const RankingCard = lazyWithPreload(() => import('./RankingCard').then((m) => ({ default: m.RankingCard }))).Component;

/** On a city's or province's home: its lower organisations ranked on the items handed down to them. */
export function HomeRankingCard() {
  const { me } = useSession();
  if (!me || !canReadRollup(me)) return null;
  return (
    <Suspense
      fallback={
        <Card size="small">
          <Skeleton active paragraph={{ rows: 4 }} />
        </Card>
      }
    >
      <RankingCard compact withLink />
    </Suspense>
  );
}
