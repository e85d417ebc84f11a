// Unsaved text survives a page refresh: each task entry's pending edit is kept in sessionStorage
// (this tab only, gone when the tab closes) until the server has it.
import type { ProgressValues } from './api';

export interface Draft {
  /** The entry's version the edit was made on. */
  version: number;
  values: ProgressValues;
  /** Which fields the clerk changed (`narrative`, ..., `a:<indicatorId>`), so a conflict merges field by field. */
  touched?: string[];
}

const key = (reportId: number, taskId: number) => `duban.reportDraft.${reportId}.${taskId}`;

export function readDraft(reportId: number, taskId: number): Draft | null {
  try {
    const raw = sessionStorage.getItem(key(reportId, taskId));
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

export function writeDraft(reportId: number, taskId: number, draft: Draft): void {
  try {
    sessionStorage.setItem(key(reportId, taskId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: autosave still works, only refresh-survival is lost.
  }
}

export function clearDraft(reportId: number, taskId: number): void {
  try {
    sessionStorage.removeItem(key(reportId, taskId));
  } catch {
    // ignore
  }
}
