import { z } from 'zod';
import { assessmentSchemeSchema } from '../assessment/schema';
import { editVersion } from './common';
import { GRADES, PARTS, QUALITY_RATINGS } from '../assessment/scheme';

/** The year-end assessment (绩效考核) API: scheme per year, runs with every unit's breakdown, adjustments, vetoes, report ratings. */

const year = z.number().int().min(2000).max(2100);
/** ?year=2024; without it, the business calendar's current year. */
export const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
export const runParams = z.object({ id: z.coerce.number().int().positive() });

export const schemeViewSchema = z.object({
  year: z.number(),
  scheme: assessmentSchemeSchema,
  /** Nothing saved for the year: these are the defaults. */
  isDefault: z.boolean(),
  updatedByName: z.string().nullable(),
  updatedAt: z.string().nullable(),
  /** What a save sends back (schemeBody): 0 while nothing is saved for the year. */
  version: z.number(),
});

/** The scheme to save, with the version the office loaded (issue 17, finding 11). */
export const schemeBody = assessmentSchemeSchema.safeExtend({ version: editVersion() });

/** Run the whole year (every period of the year's notices) or one period. */
export const runBody = z
  .object({ year: year.optional(), periodId: z.number().int().positive().optional() })
  .refine((b) => (b.year === undefined) !== (b.periodId === undefined), { message: 'give either year or periodId' });

const reason = z.string().trim().max(500);
export const adjustmentBody = z.object({
  unitId: z.number().int().positive(),
  delta: z.number().min(-100).max(100).refine((d) => d !== 0, 'an adjustment cannot be 0'),
  reason,
});
export const vetoBody = z.object({ year, unitId: z.number().int().positive(), reason });
/**
 * The new rating, with the rating the office saw when it chose (issue 17, finding 11): the rating is
 * the record's only field, so it is its own version — a save over someone else's newer rating is
 * refused (STALE_VERSION).
 */
export const qualityBody = z.object({ rating: z.enum(QUALITY_RATINGS).nullable(), loadedRating: z.enum(QUALITY_RATINGS).nullable() });

export const qualityViewSchema = z.object({
  reportId: z.number(),
  rating: z.enum(QUALITY_RATINGS).nullable(),
  ratingLabel: z.string().nullable(),
  /** Whether the report reached the office and so can be rated. */
  rateable: z.boolean(),
});

export const breakdownSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('report'), periodId: z.number(), periodLabel: z.string(), reportId: z.number().nullable() }),
  z.object({
    kind: z.literal('task'),
    taskId: z.number(),
    annexNo: z.number(),
    seq: z.string(),
    role: z.enum(['lead', 'co']),
    periodLabel: z.string().nullable(),
    reportId: z.number().nullable(),
    progressId: z.number().nullable(),
  }),
  z.object({
    kind: z.literal('indicator'),
    indicatorId: z.number(),
    name: z.string(),
    taskId: z.number(),
    annexNo: z.number(),
    seq: z.string(),
    periodLabel: z.string(),
    reportId: z.number(),
    progressId: z.number(),
  }),
  z.object({ kind: z.literal('cap') }),
]);

export const breakdownLineSchema = z.object({
  part: z.enum(PARTS),
  points: z.number(),
  max: z.number().nullable(),
  text: z.string(),
  source: breakdownSourceSchema,
});

export const adjustmentSchema = z.object({ id: z.number(), delta: z.number(), reason: z.string(), byName: z.string(), createdAt: z.string() });

export const scoreSchema = z.object({
  unitId: z.number(),
  unitName: z.string(),
  reporting: z.number(),
  completion: z.number(),
  quality: z.number(),
  bonus: z.number(),
  computed: z.number(),
  adjustment: z.number(),
  final: z.number(),
  rank: z.number(),
  grade: z.enum(GRADES),
  gradeLabel: z.string(),
  vetoed: z.boolean(),
  vetoReason: z.string().nullable(),
  lines: z.array(breakdownLineSchema),
  adjustments: z.array(adjustmentSchema),
});

export const runViewSchema = z.object({
  run: z.object({
    id: z.number(),
    year: z.number(),
    periodId: z.number().nullable(),
    /** 2024年度 or the period's label. */
    scopeLabel: z.string(),
    asOf: z.string(),
    runByName: z.string(),
    createdAt: z.string(),
    scheme: assessmentSchemeSchema,
    /** Only the latest run of its year can be adjusted. */
    isLatest: z.boolean(),
  }),
  scores: z.array(scoreSchema),
});

export const latestRunSchema = z.object({ latest: runViewSchema.nullable() });

export const vetoSchema = z.object({ id: z.number(), year: z.number(), unitId: z.number(), unitName: z.string(), reason: z.string(), byName: z.string(), createdAt: z.string() });
export const vetoListSchema = z.object({ items: z.array(vetoSchema) });

/** What the assessment page offers: the years with notices and their periods (a period run needs an opened one). */
export const assessmentOptionsSchema = z.object({
  today: z.string(),
  currentYear: z.number(),
  years: z.array(
    z.object({
      year: z.number(),
      periods: z.array(z.object({ id: z.number(), label: z.string(), status: z.enum(['planned', 'open', 'closed']), effectiveDeadline: z.string() })),
    }),
  ),
});
