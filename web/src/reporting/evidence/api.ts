import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { evidenceFileSchema, evidenceRequirementSchema } from '../../../../core/api/evidence';
import { api, request } from '../../api/client';
import { uploadNotice, type UploadHandle } from '../../notices/upload';
import type { Versioned } from '../../api/types';

export type EvidenceFile = Omit<z.infer<typeof evidenceFileSchema>, 'createdAt'> & { createdAt?: string };
export type EvidenceRequirement = z.infer<typeof evidenceRequirementSchema>;

/** Shown in place by the browser (GET ?inline=1): images in the preview, PDF in its viewer. */
export const inlineUrl = (id: number) => `/api/evidence/${id}?inline=1`;
/** Always a download (Office files, and the 下载 of any file). */
export const downloadUrl = (id: number) => `/api/evidence/${id}`;

/**
 * One file to an item of a report, with upload progress (XMLHttpRequest, as the notice upload:
 * the session cookie, the X-CSRF-Token header and the error envelope are the same as every request).
 */
export function uploadEvidence(reportId: number, taskId: number, file: File, onPercent: (percent: number) => void): UploadHandle<{ id: number }> {
  return uploadNotice<{ id: number }>(`/api/reports/${reportId}/tasks/${taskId}/evidence`, file, {}, (p) => onPercent(p.percent));
}

export const deleteEvidence = (id: number) => api.del<void>(`/api/evidence/${id}`);

const requirementKey = ['settings', 'evidence-requirement'] as const;

/** 已完成事项须上传佐证材料: read by everyone who fills or reads reports, changed by the office. */
export function useEvidenceRequirement() {
  const qc = useQueryClient();
  const query = useQuery({ queryKey: requirementKey, queryFn: () => api.get<Versioned<EvidenceRequirement>>('/api/settings/evidence-requirement') });
  const save = useMutation({
    // With the version the switch shows: a save after someone else's is refused (STALE_VERSION).
    mutationFn: (body: Versioned<EvidenceRequirement>) => request<Versioned<EvidenceRequirement>>('PUT', '/api/settings/evidence-requirement', body),
    onSuccess: (saved) => qc.setQueryData(requirementKey, saved),
  });
  return { query, save };
}
