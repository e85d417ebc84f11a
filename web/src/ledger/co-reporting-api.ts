// 报牵头单位 (issue 15): how a task's co-operating units report, set by the office on one task or
// many. Types from core/api/co-reporting.ts, type-only.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { bulkCoReportingBody, bulkCoReportingResult, coReportingMode } from '../../../core/api/co-reporting';
import { request } from '../api/client';

export type CoReportingMode = z.infer<typeof coReportingMode>;

export const CO_REPORTING_OPTIONS: { value: CoReportingMode; label: string }[] = [
  { value: 'separate', label: '单独报送督查室' },
  { value: 'via_lead', label: '报牵头单位' },
];

/** The mode changes what the office reads (standings, lights, the 汇总表): the task, ledger, periods and dashboard are read again. */
function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    for (const key of ['tasks', 'periods', 'reports', 'dashboard']) void qc.invalidateQueries({ queryKey: [key] });
  };
}

export function useSetCoReporting() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, version, coReporting }: { id: number; version: number; coReporting: CoReportingMode }) =>
      request<{ version: number; coReporting: CoReportingMode }>('PUT', `/api/tasks/${id}/co-reporting`, { version, coReporting }),
    onSuccess: done,
  });
}

export function useSetCoReportingMany() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: z.input<typeof bulkCoReportingBody>) => request<z.infer<typeof bulkCoReportingResult>>('POST', '/api/tasks/co-reporting', body),
    onSuccess: done,
  });
}
