// Reporting API: periods (office), unit reports (clerks, heads, office). Types are inferred from
// the zod schemas in core/api/reporting.ts, type-only, like web/src/api/types.ts.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  periodReportRowSchema,
  periodSchema,
  periodScheduleSchema,
  periodScheduleViewSchema,
  reportItemSchema,
  reportViewSchema,
} from '../../../core/api/reporting';
import type { CompletenessPolicy } from '../../../core/reporting/completeness';
import type { ProgressStatus } from '../../../core/reporting/states';
import { api, apiErrorFromBody, ApiError, getCsrfToken, reportFailure, request } from '../api/client';
import type { ListResponse } from '../api/types';

export type Period = z.infer<typeof periodSchema>;
export type PeriodReportRow = z.infer<typeof periodReportRowSchema>;
export type ReportView = z.infer<typeof reportViewSchema>;
export type ReportSummary = ReportView['report'];
export type ReportItem = z.infer<typeof reportItemSchema>;
export type PeriodScheduleView = z.infer<typeof periodScheduleViewSchema>;
export type PeriodSchedule = z.infer<typeof periodScheduleSchema>;

export const reportingKeys = {
  periods: ['periods'] as const,
  periodReports: (id: number) => ['periods', id, 'reports'] as const,
  mine: (periodId: number) => ['reports', 'mine', periodId] as const,
  report: (id: number) => ['reports', id] as const,
  schedule: ['settings', 'period-schedule'] as const,
};

export function usePeriods() {
  return useQuery({
    queryKey: reportingKeys.periods,
    queryFn: async () => (await api.get<ListResponse<Period>>('/api/periods')).items,
  });
}

export function usePeriodReports(periodId: number, { enabled = true } = {}) {
  return useQuery({
    enabled,
    queryKey: reportingKeys.periodReports(periodId),
    queryFn: async () => (await api.get<ListResponse<PeriodReportRow>>(`/api/periods/${periodId}/reports`)).items,
  });
}

// A report being edited is never refreshed behind the clerk's back (window focus, staleness):
// the page refreshes it itself after each transition, and autosave keeps its own versions.
// It is read afresh whenever a page showing it mounts.
const editorQueryOptions = { refetchOnWindowFocus: false, refetchOnMount: 'always', staleTime: Infinity } as const;

/**
 * My unit's report for a period. A clerk opening it creates it on first use (`create`); anyone
 * else only reads it (REPORT_NOT_STARTED when no clerk has begun). The report page polls it, so a
 * colleague's saves reach the entries this clerk has not touched (entries with pending edits keep
 * them; a real clash surfaces as a conflict on save).
 */
export function useMyReport(periodId: number, { poll = false, create = false } = {}) {
  const url = `/api/periods/${periodId}/reports/mine`;
  return useQuery({
    queryKey: reportingKeys.mine(periodId),
    queryFn: () => (create ? api.post<ReportView>(url) : api.get<ReportView>(url)),
    retry: false,
    ...editorQueryOptions,
    refetchInterval: poll ? 60_000 : false,
  });
}

export function useReport(id: number) {
  return useQuery({
    queryKey: reportingKeys.report(id),
    queryFn: () => api.get<ReportView>(`/api/reports/${id}`),
    ...editorQueryOptions,
  });
}

/**
 * 报送期自动开启/关闭: the setting, the business day and each period's days under it (the office
 * home's banner reads it too). Saving applies it at once, so the periods are read again.
 */
export function usePeriodSchedule() {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: reportingKeys.schedule,
    queryFn: () => api.get<PeriodScheduleView>('/api/settings/period-schedule'),
  });
  const save = useMutation({
    // With the version the card loaded: a save after someone else's is refused (STALE_VERSION).
    mutationFn: (body: PeriodSchedule & { version: number }) => request<PeriodScheduleView>('PUT', '/api/settings/period-schedule', body),
    onSuccess: (view) => {
      qc.setQueryData(reportingKeys.schedule, view);
      void qc.invalidateQueries({ queryKey: reportingKeys.periods });
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
  return { query, save };
}

export type PeriodAction = { id: number } & (
  { action: 'open' | 'close' } | { action: 'extend'; deadline: string; reason: string; version: number }
);

export function usePeriodAction() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: PeriodAction) =>
      v.action === 'extend'
        ? api.post<Period>(`/api/periods/${v.id}/extend`, { deadline: v.deadline, reason: v.reason, version: v.version })
        : api.post<Period>(`/api/periods/${v.id}/${v.action}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: reportingKeys.periods });
      void qc.invalidateQueries({ queryKey: reportingKeys.schedule });
      // The dashboard's current period follows what is open.
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
}

export type TransitionPath = 'submit' | 'approve' | 'head-return' | 'accept' | 'office-return' | 'withdraw' | 'head-withdraw';

export interface TransitionVars {
  path: TransitionPath;
  version: number;
  reason?: string;
  taskReasons?: { taskId: number; reason: string }[];
  /** office-return: the date the unit is asked to resubmit by. */
  resubmitBy?: string;
  /** office-return: the office rules it not a valid report (its arrival no longer counts). */
  invalid?: boolean;
}

/** A report transition; the server answers with the new view, which replaces the cached one. */
export function useTransition(queryKey: readonly unknown[]) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ path, ...body }: TransitionVars & { reportId: number }) =>
      api.post<ReportView>(`/api/reports/${body.reportId}/${path}`, {
        version: body.version,
        reason: body.reason,
        taskReasons: body.taskReasons,
        resubmitBy: body.resubmitBy,
        invalid: body.invalid,
      }),
    onSuccess: (view) => {
      qc.setQueryData(queryKey, view);
      void qc.invalidateQueries({ queryKey: ['periods'] });
      // Where the unit stands shows on the dashboard and in the bulletins' figures too.
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
    // Someone else moved the report meanwhile: show its current state beside the server's message.
    onError: (err) => {
      if (err instanceof ApiError && err.status === 409) void qc.invalidateQueries({ queryKey });
    },
  });
}

export interface ProgressValues {
  status: ProgressStatus;
  narrative: string;
  problems: string;
  nextSteps: string;
  actuals: Record<number, number | null>;
}

/** The other person's entry the server sends with a 409 EDIT_CONFLICT. */
export interface ConflictCurrent {
  version: number;
  status: ProgressStatus;
  narrative: string;
  problems: string;
  nextSteps: string;
  updatedByName: string | null;
  updatedAt: string;
}

export class EditConflictError extends ApiError {
  readonly current: ConflictCurrent;
  constructor(base: ApiError, current: ConflictCurrent) {
    super(base.status, base.code, base.message, base.messageEn, base.fields);
    this.current = current;
  }
}

/**
 * Saves one task's entry. Not through `request`: a conflict's body carries the other person's
 * entry (error.current), which ApiError does not keep.
 */
export async function saveProgress(
  reportId: number,
  taskId: number,
  version: number,
  v: ProgressValues,
): Promise<{ version: number }> {
  const path = `/api/reports/${reportId}/tasks/${taskId}`;
  const body = {
    version,
    status: v.status,
    narrative: v.narrative,
    problems: v.problems,
    nextSteps: v.nextSteps,
    actuals: Object.entries(v.actuals).map(([id, value]) => ({ indicatorId: Number(id), value })),
  };
  let res: Response;
  try {
    const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/json' };
    const csrf = getCsrfToken();
    if (csrf) headers['X-CSRF-Token'] = csrf;
    res = await fetch(path, { method: 'PUT', credentials: 'same-origin', headers, body: JSON.stringify(body) });
  } catch {
    throw new ApiError(0, 'NETWORK_ERROR', '无法连接服务器，请检查网络后重试');
  }
  const json: unknown = await res.json().catch(() => null);
  if (res.ok) return json as { version: number };
  const error = apiErrorFromBody(res.status, json);
  reportFailure(path, error);
  const current = (json as { error?: { current?: ConflictCurrent } } | null)?.error?.current;
  if (error.code === 'EDIT_CONFLICT' && current) throw new EditConflictError(error, current);
  throw error;
}

/** What a report must hold before it goes to the head (the office's setting; core/reporting/completeness.ts). */
export function useCompletenessPolicy() {
  return useQuery({
    queryKey: ['settings', 'report-completeness'],
    queryFn: () => api.get<CompletenessPolicy & { version: number }>('/api/settings/report-completeness'),
    staleTime: 5 * 60_000,
  });
}

/** 沿用上期: the server fills blank entries (these, or all) with the unit's last written ones. */
export function copyForward(reportId: number, taskIds?: number[]) {
  return api.post<{ copied: number }>(`/api/reports/${reportId}/copy-forward`, taskIds ? { taskIds } : {});
}
