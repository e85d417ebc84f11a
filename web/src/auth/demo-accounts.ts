import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../api/client';
import type { DemoAccount } from '../api/types';

// The demo list only exists when the server runs with demo data; a 404 (DEMO_OFF) simply hides it,
// which is what a production deployment looks like.
async function fetchDemoAccounts(): Promise<DemoAccount[]> {
  try {
    const { accounts } = await api.get<{ accounts: DemoAccount[] }>('/api/demo/accounts');
    return accounts;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return [];
    throw err;
  }
}

/**
 * Asked by the sign-in page itself, so the table that shows the accounts (antd Table, ~95 KB of
 * JavaScript) is downloaded only when there are accounts to show: never in production.
 */
export function useDemoAccounts() {
  return useQuery({ queryKey: ['demo', 'accounts'], queryFn: fetchDemoAccounts, retry: false }).data ?? [];
}
