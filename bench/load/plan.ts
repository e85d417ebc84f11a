/** What the bench asks of the load generator (bench/load/load-client.ts), and what it answers. */
export type LoadPlan = SinglePlan | { together: SinglePlan[] };

export type SinglePlan = {
  url: string;
  connections: number;
  kind: 'fixed' | 'save-progress' | 'submit';
  /** fixed: the URLs to cycle through; save-progress: the entries; submit: the drafts, one request each. */
  slots: { path: string; headers: Record<string, string>; body?: Record<string, unknown>; version?: number }[];
  durationSeconds: number;
  /** A fixed number of requests instead of a duration (submit: each draft can be submitted once). */
  amount?: number;
  warmupSeconds: number;
};

export type LoadResult = {
  requests: number;
  seconds: number;
  rps: number;
  /** Latency in ms. */
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  timeouts: number;
};

/** An answer of the app, replayed by the bare server; cookie '*' and a url pattern for writes. */
export type RecordedAnswer = { method: string; url: string; cookie: string; status: number; contentType: string; body: string };

/** /api/reports/12/tasks/345 → /api/reports/:id/tasks/:id (a write's answer is recorded once per kind). */
export function urlPattern(url: string): string {
  return url.replace(/\/\d+(?=\/|$|\?)/g, '/:id');
}
