import { z } from 'zod';

/** Per file, per item, and all the files of one unit's report together (kept in the database and in every backup). */
export const EVIDENCE_LIMITS = { maxBytes: 20 * 1024 * 1024, maxFilesPerEntry: 20, maxBytesPerReport: 100 * 1024 * 1024 } as const;

/** The names an evidence file may have; the server reads the type from the content and checks that the name agrees. */
export const EVIDENCE_EXTENSIONS = ['.png', '.jpg', '.jpeg', '.gif', '.webp', '.pdf', '.docx', '.xlsx', '.pptx', '.doc', '.xls', '.ppt'] as const;

/** What a browser may show in place (images, PDF); everything else is only ever downloaded. */
export const INLINE_TYPES: readonly string[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf'];

/** One evidence file (佐证材料) as lists show it; the content is read from GET /api/evidence/:id. */
export const evidenceFileSchema = z.object({
  id: z.number(),
  fileName: z.string(),
  size: z.number(),
  contentType: z.string(),
  createdAt: z.string(),
});

/**
 * The office's rule on evidence: when on, a report whose item says 已完成 (completed) cannot be
 * submitted until that item has at least one evidence file.
 */
export const evidenceRequirementSchema = z.object({ requireForCompleted: z.boolean() });

export const DEFAULT_EVIDENCE_REQUIREMENT: z.infer<typeof evidenceRequirementSchema> = { requireForCompleted: false };

/** GET /api/evidence/:id: ?inline=1 shows an image or a PDF in the browser; Office files always download. */
export const evidenceGetQuery = z.object({ inline: z.enum(['0', '1']).optional() });
