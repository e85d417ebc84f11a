// The dashboard's data: GET /api/dashboard, scoped by the server (the office sees the organisation,
// a leader the portfolio, a unit its own tasks). Types come from the zod schema, type-only.
import { useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import type { dashboardSchema } from '../../../core/api/dashboard';
import type { Light } from '../../../core/supervision/lights';
import { api } from '../api/client';

export type Dashboard = z.infer<typeof dashboardSchema>;
export type LightGroup = Dashboard['byUnit'][number];
export type LightCounts = Dashboard['lights']['counts'];
export type PeriodStatus = NonNullable<Dashboard['period']>;
export type BehindTask = Dashboard['mostBehindTasks'][number];
export type BehindUnit = Dashboard['mostBehindUnits'][number];
export type IndicatorRow = Dashboard['indicators'][number];
export type { Light };

export const DASHBOARD_KEY = ['dashboard'] as const;

/** One definition for the query and its prefetch (dashboard/preload.ts), so they share the cache entry. */
export const dashboardQuery = { queryKey: DASHBOARD_KEY, queryFn: () => api.get<Dashboard>('/api/dashboard') };

/** The current year (shared with the prefetch), or another year the office picked. */
export function useDashboard(year?: number) {
  return useQuery<Dashboard>(
    year === undefined
      ? dashboardQuery
      : { queryKey: [...DASHBOARD_KEY, year], queryFn: () => api.get<Dashboard>(`/api/dashboard?year=${year}`) },
  );
}

/** Ledger filters a figure on the dashboard clicks through to (the ledger reads them from the URL). */
export type LedgerFilter = {
  light?: Light;
  unitId?: number;
  leaderId?: number;
  annexNo?: number;
  categoryId?: number;
  year?: number;
};

export function ledgerLink(filter: LedgerFilter): string {
  const q = new URLSearchParams();
  // The group first, then the light: /ledger?unitId=3&light=red reads like the figure it came from.
  for (const key of ['year', 'annexNo', 'categoryId', 'leaderId', 'unitId', 'light'] as const) {
    const v = filter[key];
    if (v !== undefined) q.set(key, String(v));
  }
  const s = q.toString();
  return s ? `/ledger?${s}` : '/ledger';
}
