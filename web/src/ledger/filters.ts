// The ledger's filters live in the URL query (a link can be shared and the back button works).
// This file turns the URL into the API query, including the leader's default portfolio.

/** URL keys the API understands; anything else in the URL (e.g. `all`) is the page's own. */
export const API_KEYS = [
  'noticeId',
  'year',
  'annexNo',
  'categoryId',
  'leaderId',
  'unitId',
  'unitRole',
  'dueBy',
  'light',
  'closed',
  'q',
  'page',
  'pageSize',
] as const;
export type FilterKey = (typeof API_KEYS)[number];

export const DEFAULT_PAGE_SIZE = 20;

/**
 * A leader opens the ledger on their own portfolio (分管事项); `all=1` in the URL is the toggle to
 * every task. An explicit leaderId in the URL always wins.
 */
export function portfolioLeaderId(params: URLSearchParams, ownLeaderId: number | null): number | null {
  if (ownLeaderId === null || params.has('leaderId') || params.get('all') === '1') return null;
  return ownLeaderId;
}

export function apiQuery(params: URLSearchParams, ownLeaderId: number | null): string {
  const out = filterQuery(params, ownLeaderId);
  if (!out.has('pageSize')) out.set('pageSize', String(DEFAULT_PAGE_SIZE));
  return out.toString();
}

/** The Excel export takes the same filters and returns every page. */
export function exportHref(params: URLSearchParams, ownLeaderId: number | null): string {
  const out = filterQuery(params, ownLeaderId);
  out.delete('page');
  out.delete('pageSize');
  const s = out.toString();
  return `/api/tasks/export.xlsx${s ? `?${s}` : ''}`;
}

function filterQuery(params: URLSearchParams, ownLeaderId: number | null): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of API_KEYS) {
    const v = params.get(key);
    if (v) out.set(key, v);
  }
  const mine = portfolioLeaderId(params, ownLeaderId);
  if (mine !== null) out.set('leaderId', String(mine));
  // unitRole narrows a unit; without a unit it means nothing, so it is not sent.
  if (!out.has('unitId')) out.delete('unitRole');
  return out;
}

/** Space-separated search terms, as the server matches them (each must occur). */
export function searchTerms(q: string | null | undefined): string[] {
  return (q ?? '').split(/\s+/).filter((t) => t.length > 0);
}

export const numberParam = (params: URLSearchParams, key: FilterKey): number | undefined => {
  const n = Number(params.get(key));
  return Number.isInteger(n) && n > 0 ? n : undefined;
};
