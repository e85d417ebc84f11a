import { z } from 'zod';
import { isoDate, nameField } from './common';
import { indicatorCorrection } from './task-indicators';

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
  /** The task's indicators as the office named them, one per indicator read from the (corrected) standard, in order. */
  indicators: z.array(indicatorCorrection).max(100).optional(),
});
export type TaskCorrection = z.infer<typeof taskCorrectionSchema>;

/**
 * The document facts the office fills in the preview for a notice that does not print them
 * (「补充通知信息」); applied at import by core/notice/document-facts.ts. 文号 may stay empty (null):
 * a notice may have none.
 */
export const documentFactsSchema = z.object({
  docNumber: nameField(60).nullable().optional(),
  title: nameField(200).optional(),
  issuer: nameField(100).optional(),
  issuedDate: isoDate().optional(),
  year: z.number().int().min(2000).max(2100).optional(),
});
export type DocumentFactsInput = z.infer<typeof documentFactsSchema>;

/** 对应到已有单位/领导: a name read from the notice (not in the directory) → an existing one's name. */
export const nameMappingSchema = z.object({ from: z.string().trim().min(1).max(60), to: nameField(60) });

/** The JSON `options` field sent with the file when the office confirms an import. */
export const importOptionsSchema = z.object({
  /** Apply differences to a notice already imported (same document number). */
  update: z.boolean().default(false),
  /** Keys of the differences the office accepted; all when omitted. */
  accept: z.array(z.string()).max(5000).optional(),
  corrections: z.array(taskCorrectionSchema).max(5000).default([]),
  /** Facts the notice lacks, as the office filled them in the preview. */
  document: documentFactsSchema.optional(),
  /** New names the office mapped to existing units / leaders in the preview. */
  unitMap: z.array(nameMappingSchema).max(500).optional(),
  leaderMap: z.array(nameMappingSchema).max(200).optional(),
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
