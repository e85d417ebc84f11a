import { Card, Skeleton } from 'antd';
import { lazy, Suspense } from 'react';
import type { DashboardScope } from './Dashboard';

// The dashboard and ECharts are a chunk of their own: the home's header and to-do list paint first,
// and pages without charts never download them.
const Dashboard = lazy(() => import('./Dashboard'));

/** 督办概览 for a role home: the office's whole organisation, a leader's portfolio, a unit's own tasks. */
export function DashboardSection({ scope }: { scope: DashboardScope }) {
  return (
    <div style={{ marginBottom: 16 }}>
      <Suspense
        fallback={
          <Card size="small">
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        }
      >
        <Dashboard scope={scope} />
      </Suspense>
    </div>
  );
}
