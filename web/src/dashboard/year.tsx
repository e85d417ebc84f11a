// The year a dashboard shows. Its figures click through to the ledger; the ledger must then list
// that year's tasks only, or a "红 5" would open on last year's red tasks as well.
import { createContext, useCallback, useContext } from 'react';
import { ledgerLink, type LedgerFilter } from './api';

export const DashboardYear = createContext<number | null>(null);

/** ledgerLink with the dashboard's year added. */
export function useLedgerLink(): (filter: LedgerFilter) => string {
  const year = useContext(DashboardYear);
  return useCallback((filter: LedgerFilter) => ledgerLink(year === null ? filter : { year, ...filter }), [year]);
}
