import { z } from 'zod';
import { MILESTONE_STATES } from '../supervision/lights';
import { dbId, isoDate } from './common';

/** Milestones (时间节点) of a task: set by the office, read by everyone who may read the task. The states and their labels: core/supervision/lights.ts. */

/** What is expected by the milestone's date: a state of the work, or a value of one of the task's indicators. */
export const milestoneExpectation = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('state'), state: z.enum(MILESTONE_STATES) }),
  z.object({
    kind: z.literal('indicator'),
    indicatorId: dbId(),
    /** The value expected by then, in the indicator's unit. */
    value: z.number().finite().min(-1e12).max(1e12),
  }),
]);

const description = z
  .string()
  .trim()
  .min(1)
  .max(200)
  // eslint-disable-next-line no-control-regex -- rejecting control characters is the point
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), { message: 'must not contain control characters' });

export const milestoneBody = z.object({
  /** The milestone's date (YYYY-MM-DD). */
  dueOn: isoDate(),
  /** What is to be done by then, in the office's words (完成招标). */
  description,
  expect: milestoneExpectation,
});

export const milestonePatch = milestoneBody.extend({
  /** The version the office edited: an edit over someone else's newer edit is refused. */
  version: z.number().int().positive(),
});

export const milestoneParams = z.object({ id: dbId(), milestoneId: dbId() });

export const milestoneSchema = z.object({
  id: z.number(),
  taskId: z.number(),
  dueOn: z.string(),
  description: z.string(),
  expect: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('state'), state: z.enum(MILESTONE_STATES) }),
    z.object({
      kind: z.literal('indicator'),
      /** Null when the indicator was removed since: the milestone then judges nothing. */
      indicatorId: z.number().nullable(),
      indicatorName: z.string().nullable(),
      unit: z.string().nullable(),
      target: z.number().nullable(),
      value: z.number(),
    }),
  ]),
  /** How it stands now (core/supervision/lights.ts MilestoneVerdict), with the light's words. */
  verdict: z.enum(['pending', 'awaiting', 'met', 'behind', 'missed', 'unknown']),
  verdictLabel: z.string(),
  reason: z.string().nullable(),
  version: z.number(),
  updatedByName: z.string(),
  updatedAt: z.string(),
});

export const milestoneListSchema = z.object({ items: z.array(milestoneSchema) });
