import { z } from 'zod';
import { dbId } from './common';

/**
 * The office corrects an indicator (量化指标) the parser read: its name, unit, target and qualifier.
 * The schema only bounds the request; the rules and their Chinese reasons are
 * core/notice/indicator-fields.ts, applied by the server (and checked by the forms first).
 */
const fields = {
  name: z.string({ error: '指标名称须为文字' }).max(500, '指标名称过长'),
  unit: z.string({ error: '计量单位须为文字' }).max(100, '计量单位过长'),
  qualifier: z.string({ error: '限定词须为文字或不填' }).max(20, '限定词过长').nullable(),
};

/** PATCH /api/tasks/:id/indicators/:indicatorId — a new version of the task, audited. */
export const indicatorPatch = z.object({
  /** The task's version the office edited: an edit over someone else's newer edit is refused. */
  version: z.number().int().positive(),
  ...fields,
  target: z.number({ error: '目标值须为数字，如 3000 或 2.5' }),
});

export const indicatorParams = z.object({ id: dbId(), indicatorId: dbId() });

/**
 * In the import preview: the task's indicators as the office wants them, one per parsed indicator
 * in the parser's order (the printed span each came from is kept).
 */
export const indicatorCorrection = z.object({
  ...fields,
  value: z.number({ error: '目标值须为数字，如 3000 或 2.5' }),
});
export type IndicatorCorrection = z.infer<typeof indicatorCorrection>;
