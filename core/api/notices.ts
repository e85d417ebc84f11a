import { z } from 'zod';

/**
 * A correction the office makes in the import preview, for one task (key "annexNo/seq", as in
 * the re-import diff). Only the fields given are replaced.
 */
export const taskCorrectionSchema = z.object({
  key: z.string().regex(/^\d+\/.+$/, 'annex/seq, e.g. 1/(5)'),
  leaders: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
  units: z.array(z.string().trim().min(1).max(60)).min(1).max(30).optional(),
  standard: z.string().trim().min(1).max(5000).optional(),
  deadline: z.string().trim().max(50).nullable().optional(),
});
export type TaskCorrection = z.infer<typeof taskCorrectionSchema>;

/** The JSON `options` field sent with the file when the office confirms an import. */
export const importOptionsSchema = z.object({
  /** Apply differences to a notice already imported (same document number). */
  update: z.boolean().default(false),
  /** Keys of the differences the office accepted; all when omitted. */
  accept: z.array(z.string()).max(5000).optional(),
  corrections: z.array(taskCorrectionSchema).max(5000).default([]),
});
export type ImportOptions = z.infer<typeof importOptionsSchema>;

/** The result of linking a lower ledger's citations (upstream numbers) to the upper ledgers. */
export const upstreamLinksSchema = z.object({
  linked: z.number(),
  unlinked: z.array(
    z.object({
      taskId: z.number(),
      annexNo: z.number(),
      seq: z.string(),
      upstreamNo: z.number(),
      reason: z.enum(['no_upper_org', 'no_upper_ledger', 'no_such_number', 'upper_item_taken']),
      reasonLabel: z.string(),
    }),
  ),
});

export const importResultSchema = z.object({
  noticeId: z.number(),
  created: z.boolean(),
  tasks: z.number(),
  annexes: z.number(),
  /** keptWithProgress: removed from the notice but kept in the ledger because units reported on them. */
  applied: z.object({ added: z.number(), changed: z.number(), removed: z.number(), keptWithProgress: z.number() }).optional(),
  /** Tasks citing an upper level's numbers (annexes city-*, province-*): linked to the upper items, or why not (issue 7). */
  upstreamLinks: upstreamLinksSchema,
  /** Lower organisations' citations of this organisation's items that this import linked. */
  downstreamLinked: z.number(),
});

export const noticeSummarySchema = z.object({
  id: z.number(),
  docNumber: z.string().nullable(),
  title: z.string(),
  issuer: z.string().nullable(),
  issuedDate: z.string().nullable(),
  year: z.number(),
  tasks: z.number(),
  importedAt: z.string(),
  /** The reporting deadlines the notice sets (point 四 of the seed), in order. */
  reportingDeadlines: z.array(z.string()),
  reportTo: z.string().nullable(),
});
