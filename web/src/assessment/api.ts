// 绩效考核: the year's scheme, runs with every unit's breakdown, adjustments, vetoes, report ratings.
// Types come from the zod schemas in core/api/assessment.ts, type-only: no zod reaches the browser.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  assessmentOptionsSchema,
  breakdownLineSchema,
  latestRunSchema,
  qualityViewSchema,
  runViewSchema,
  schemeViewSchema,
  vetoListSchema,
} from '../../../core/api/assessment';
import type { AssessmentScheme, QualityRating } from '../../../core/assessment/scheme';
import { api, request } from '../api/client';

export type AssessmentOptions = z.infer<typeof assessmentOptionsSchema>;
export type SchemeView = z.infer<typeof schemeViewSchema>;
export type RunView = z.infer<typeof runViewSchema>;
export type Score = RunView['scores'][number];
export type BreakdownLine = z.infer<typeof breakdownLineSchema>;
export type Veto = z.infer<typeof vetoListSchema>['items'][number];
export type QualityView = z.infer<typeof qualityViewSchema>;

export const assessmentKeys = {
  options: ['assessment', 'options'] as const,
  year: (year: number) => ['assessment', year] as const,
  scheme: (year: number) => ['assessment', year, 'scheme'] as const,
  latest: (year: number) => ['assessment', year, 'latest'] as const,
  vetoes: (year: number) => ['assessment', year, 'vetoes'] as const,
  quality: (reportId: number) => ['reports', reportId, 'quality'] as const,
};

export function useAssessmentOptions() {
  return useQuery({ queryKey: assessmentKeys.options, queryFn: () => api.get<AssessmentOptions>('/api/assessment/options') });
}

export function useScheme(year: number) {
  const qc = useQueryClient();
  const query = useQuery({ queryKey: assessmentKeys.scheme(year), queryFn: () => api.get<SchemeView>(`/api/assessment/scheme?year=${year}`) });
  const save = useMutation({
    // The version the card loaded goes back with the scheme: a save after someone else's is refused (STALE_VERSION).
    mutationFn: (body: AssessmentScheme & { version: number }) => request<SchemeView>('PUT', `/api/assessment/scheme?year=${year}`, body),
    onSuccess: (saved) => qc.setQueryData(assessmentKeys.scheme(year), saved),
  });
  return { query, save };
}

export function useLatestRun(year: number) {
  return useQuery({
    queryKey: assessmentKeys.latest(year),
    queryFn: async () => (await api.get<z.infer<typeof latestRunSchema>>(`/api/assessment/latest?year=${year}`)).latest,
  });
}

export function useVetoes(year: number) {
  return useQuery({ queryKey: assessmentKeys.vetoes(year), queryFn: async () => (await api.get<{ items: Veto[] }>(`/api/assessment/vetoes?year=${year}`)).items });
}

/** Every change answers with the run (or the vetoes); the page shows the latest run, so refresh the year. */
function useYearMutation<V, R>(year: number, fn: (v: V) => Promise<R>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void qc.invalidateQueries({ queryKey: assessmentKeys.year(year) }) });
}

export const useRunAssessment = (year: number) =>
  useYearMutation(year, (body: { year: number } | { periodId: number }) => api.post<RunView>('/api/assessment/runs', body));

export const useAdjust = (year: number) =>
  useYearMutation(year, ({ runId, ...body }: { runId: number; unitId: number; delta: number; reason: string }) =>
    api.post<RunView>(`/api/assessment/runs/${runId}/adjustments`, body),
  );

export const useVeto = (year: number) =>
  useYearMutation(year, (body: { unitId: number; reason: string }) => api.post<{ items: Veto[] }>('/api/assessment/vetoes', { year, ...body }));

export const useRevokeVeto = (year: number) => useYearMutation(year, (vetoId: number) => api.del<{ items: Veto[] }>(`/api/assessment/vetoes/${vetoId}`));

/** The office's rating of one report (报告质量评价). */
export function useQualityRating(reportId: number) {
  const qc = useQueryClient();
  const query = useQuery({ queryKey: assessmentKeys.quality(reportId), queryFn: () => api.get<QualityView>(`/api/reports/${reportId}/quality`) });
  const rate = useMutation({
    // With the rating the select showed: a save over someone else's newer rating is refused (STALE_VERSION).
    mutationFn: ({ rating, loadedRating }: { rating: QualityRating | null; loadedRating: QualityRating | null }) =>
      request<QualityView>('PUT', `/api/reports/${reportId}/quality`, { rating, loadedRating }),
    onSuccess: (v) => qc.setQueryData(assessmentKeys.quality(reportId), v),
  });
  return { query, rate };
}

export const exportHref = (runId: number, format: 'xlsx' | 'docx') => `/api/assessment/runs/${runId}/ranking.${format}`;
