// 督查催办: reminders and urges (催办), and the office's settings behind them (lights, schedule,
// channels). Types come from the zod schemas in core/api, type-only: no zod reaches the browser.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  channelSettingsBody,
  channelSettingsViewSchema,
  reminderItemSchema,
  reminderListSchema,
  reminderScheduleSchema,
  urgeResultSchema,
} from '../../../core/api/reminders';
import type { calendarSettingsBody, workCalendarViewSchema } from '../../../core/api/calendar';
import type { LightThresholds } from '../../../core/supervision/lights';
import { api, request } from '../api/client';

export type ReminderItem = z.infer<typeof reminderItemSchema>;
export type Delivery = ReminderItem['deliveries'][number];
export type ReminderList = z.infer<typeof reminderListSchema>;
export type UrgeResult = z.infer<typeof urgeResultSchema>;
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
    onSuccess: () => void qc.invalidateQueries({ queryKey: supervisionKeys.reminders }),
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

export const useLightThresholds = () =>
  useSetting<LightThresholds>(supervisionKeys.thresholds, '/api/settings/light-thresholds');
export const useReminderSchedule = () =>
  useSetting<ReminderSchedule>(supervisionKeys.schedule, '/api/settings/reminder-schedule');
export const useChannelSettings = () =>
  useSetting<ChannelSettingsView, ChannelSettingsBody>(supervisionKeys.channels, '/api/settings/channels');
/** 工作日历: the lateness basis, deadlines moved off days off, and the business year's listed days. */
export const useWorkCalendar = () =>
  useSetting<WorkCalendarView, WorkCalendarBody>(supervisionKeys.workCalendar, '/api/settings/work-calendar');
