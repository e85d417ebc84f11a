// What the 督办概览 needs, fetched ahead of need. Small on purpose: the route table (in the entry
// chunk) imports it, so it must not pull in the dashboard's own code (antd cards, ECharts).
import { usePrefetchQuery } from '@tanstack/react-query';
import { lazyWithPreload } from '../lazyWithPreload';
import { dashboardQuery } from './api';

/** The dashboard (DashboardSection shows it) and the ECharts wrapper (LazyChart), each a chunk. */
export const DashboardChunk = lazyWithPreload(() => import('./Dashboard'));
export const ChartChunk = lazyWithPreload(() => import('./Chart'));

const ignore = () => undefined;

/**
 * Starts downloading the dashboard's chunk and ECharts. Called for a home page's address at start
 * (routes.tsx) and when a home's code runs (DashboardSection). A failed download is left to the
 * lazy components, which try again and show the error.
 */
export function preloadDashboardCode(): void {
  DashboardChunk.preload().catch(ignore);
  ChartChunk.preload().catch(ignore);
}

/** Asks for the dashboard's data unless the cache has it (or is fetching it): the same query, the same entry. */
export function usePrefetchDashboard(): void {
  usePrefetchQuery(dashboardQuery);
}
