import { Card, Skeleton } from 'antd';
import { Suspense } from 'react';
import type { DashboardScope } from './Dashboard';
import { DashboardChunk, preloadDashboardCode, usePrefetchDashboard } from './preload';

// The dashboard and ECharts are chunks of their own: the home's header and to-do list paint first,
// and pages without charts never download them.
const Dashboard = DashboardChunk.Component;

// Every page that imports this section shows it: its chunks start downloading as soon as the page's
// code runs, not one after the other (section → its chunk → the data → the chart chunk).
preloadDashboardCode();

/** 督办概览 for a role home: the office's whole organisation, a leader's portfolio, a unit's own tasks. */
export function DashboardSection({ scope }: { scope: DashboardScope }) {
  // The data is asked for while the dashboard's chunk is still on its way (same query, same cache).
  usePrefetchDashboard();
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
