// 督查催办: reminders and urges (催办), and the office's settings behind them (lights, schedule,
// channels). Types come from the zod schemas in core/api, type-only: no zod reaches the browser.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  bulkUrgeResultSchema,
  channelSettingsBody,
  channelSettingsViewSchema,
  reminderItemSchema,
  reminderListSchema,
  reminderScheduleSchema,
  urgeResultSchema,
  urgeTallySchema,
} from '../../../core/api/reminders';
import type { calendarSettingsBody, workCalendarViewSchema } from '../../../core/api/calendar';
import type { LightThresholds } from '../../../core/supervision/lights';
import { api, request } from '../api/client';
import type { Versioned } from '../api/types';

export type ReminderItem = z.infer<typeof reminderItemSchema>;
export type Delivery = ReminderItem['deliveries'][number];
export type ReminderList = z.infer<typeof reminderListSchema>;
export type UrgeResult = z.infer<typeof urgeResultSchema>;
export type BulkUrgeResult = z.infer<typeof bulkUrgeResultSchema>;
export type UrgeTally = z.infer<typeof urgeTallySchema>['units'][number];
export type ReminderSchedule = z.output<typeof reminderScheduleSchema>;
export type ChannelSettingsView = z.infer<typeof channelSettingsViewSchema>;
export type ChannelSettingsBody = z.input<typeof channelSettingsBody>;
export type { LightThresholds };
export type WorkCalendarView = z.infer<typeof workCalendarViewSchema>;
export type WorkCalendarBody = z.input<typeof calendarSettingsBody>;

export const supervisionKeys = {
  reminders: ['reminders'] as const,
  thresholds: ['settings', 'light-thresholds'] as const,
  schedule: ['settings', 'reminder-schedule'] as const,
  channels: ['settings', 'channels'] as const,
  workCalendar: ['settings', 'work-calendar'] as const,
  tallies: (periodId: number) => ['urge-tallies', periodId] as const,
};

export function useReminders() {
  return useQuery({
    queryKey: supervisionKeys.reminders,
    queryFn: async () => (await api.get<ReminderList>('/api/reminders?limit=200')).items,
  });
}

/** 催办 by hand: the unit is told in the app and on every configured channel. */
export function useUrge() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ periodId, unitId, message }: { periodId: number; unitId: number; message: string }) =>
      api.post<UrgeResult>(`/api/periods/${periodId}/units/${unitId}/urge`, { message }),
    onSuccess: (_r, v) => {
      void qc.invalidateQueries({ queryKey: supervisionKeys.reminders });
      void qc.invalidateQueries({ queryKey: supervisionKeys.tallies(v.periodId) });
    },
  });
}

/** Each unit's urges in a period (count, last business day): one query shared by every row that shows it. */
export function useUrgeTallies(periodId: number) {
  return useQuery({
    queryKey: supervisionKeys.tallies(periodId),
    queryFn: async () => new Map((await api.get<{ units: UrgeTally[] }>(`/api/periods/${periodId}/urges`)).units.map((u) => [u.unitId, u])),
  });
}

/**
 * A key for one confirmation of a bulk urge: the server urges nobody twice under it. Made from
 * crypto.getRandomValues, which (unlike randomUUID) also works on an intranet served over plain http.
 */
export function newRequestKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** 批量催办: one urge per unit; units that reported meanwhile are skipped and listed. */
export function useBulkUrge() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ periodId, ...body }: { periodId: number; unitIds: number[]; message: string; requestKey: string }) =>
      api.post<BulkUrgeResult>(`/api/periods/${periodId}/urges`, body),
    onSettled: (_r, _e, v) => {
      void qc.invalidateQueries({ queryKey: supervisionKeys.reminders });
      void qc.invalidateQueries({ queryKey: supervisionKeys.tallies(v.periodId) });
    },
  });
}

function useSetting<T, B = T>(key: readonly string[], path: string) {
  const qc = useQueryClient();
  const query = useQuery({ queryKey: key, queryFn: () => api.get<T>(path) });
  const save = useMutation({
    mutationFn: (body: B) => request<T>('PUT', path, body),
    onSuccess: (saved) => {
      qc.setQueryData(key, saved);
      // Thresholds change every light on the dashboard and in the ledger.
      void qc.invalidateQueries({ queryKey: ['dashboard'] });
    },
  });
  return { query, save };
}

// Read and saved with their versions: a save after someone else's is refused (STALE_VERSION).
export const useLightThresholds = () =>
  useSetting<Versioned<LightThresholds>>(supervisionKeys.thresholds, '/api/settings/light-thresholds');
export const useReminderSchedule = () =>
  useSetting<Versioned<ReminderSchedule>>(supervisionKeys.schedule, '/api/settings/reminder-schedule');
export const useChannelSettings = () =>
  useSetting<Versioned<ChannelSettingsView>, Versioned<ChannelSettingsBody>>(supervisionKeys.channels, '/api/settings/channels');
/** 工作日历: the lateness basis, deadlines moved off days off, and the business year's listed days. */
export const useWorkCalendar = () =>
  useSetting<WorkCalendarView, Versioned<WorkCalendarBody>>(supervisionKeys.workCalendar, '/api/settings/work-calendar');
