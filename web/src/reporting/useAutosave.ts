import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, errorMessage } from '../api/client';
import { EditConflictError, saveProgress, type ConflictCurrent, type ProgressValues, type ReportItem } from './api';
import { clearDraft, readDraft, writeDraft } from './drafts';
import { mergeMine, onlyTouched, textOf } from './merge';

export const AUTOSAVE_DELAY_MS = 1500;

export type SaveState = 'idle' | 'dirty' | 'saving' | 'saved' | 'error' | 'conflict';

export function valuesOf(item: ReportItem): ProgressValues {
  return {
    status: item.status,
    narrative: item.narrative,
    problems: item.problems,
    nextSteps: item.nextSteps,
    actuals: Object.fromEntries(item.indicators.map((i) => [i.id, i.actual])),
  };
}

/**
 * One task entry's autosave: edits are saved ~1.5 s after typing stops and on blur, with the
 * entry's version; a save over someone else's newer save comes back as a conflict and is never
 * retried silently. `flush` saves what is pending now and says whether everything is saved.
 */
export function useAutosave(reportId: number, item: ReportItem, editable: boolean, onStale?: () => void) {
  const taskId = item.taskId;
  const [initial] = useState(() => (editable ? readDraft(reportId, taskId) : null));
  const [values, setValues] = useState<ProgressValues>(() => initial?.values ?? valuesOf(item));
  const [state, setState] = useState<SaveState>(initial ? 'dirty' : 'idle');
  const [savedAt, setSavedAt] = useState<Date | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<ConflictCurrent | null>(null);

  const valuesRef = useRef(values);
  const version = useRef(initial?.version ?? item.version);
  const dirty = useRef(initial !== null);
  const edits = useRef(0); // bumped on every edit, to notice edits made while a save is in flight
  // Fields changed since the last successful save: only these are sent, so a save never writes
  // back stale copies of fields (or indicator figures) someone else changed meanwhile.
  const touched = useRef(new Set<string>(initial?.touched ?? []));
  const inFlight = useRef<Promise<boolean> | null>(null);
  const blocked = useRef(false); // a conflict waits for the clerk's decision
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const staleRef = useRef(onStale);
  staleRef.current = onStale;

  // A fresher server copy (after a transition or "采用对方版本") replaces an entry with no pending edit.
  useEffect(() => {
    if (!dirty.current && item.version >= version.current) {
      version.current = item.version;
      valuesRef.current = valuesOf(item);
      setValues(valuesRef.current);
    }
  }, [item]);

  const saveNow = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) await inFlight.current;
    if (!dirty.current) return true;
    if (blocked.current) return false;
    const seq = edits.current;
    const run = (async () => {
      setState('saving');
      try {
        const res = await saveProgress(
          reportId,
          taskId,
          version.current,
          onlyTouched(valuesRef.current, touched.current),
        );
        version.current = res.version;
        setSavedAt(new Date());
        setError(null);
        if (edits.current === seq) {
          dirty.current = false;
          touched.current.clear();
          clearDraft(reportId, taskId);
          setState('saved');
        } else {
          writeDraft(reportId, taskId, {
            version: res.version,
            values: valuesRef.current,
            touched: [...touched.current],
          });
          setState('dirty');
        }
        return true;
      } catch (err) {
        if (err instanceof EditConflictError) {
          blocked.current = true;
          setConflict(err.current);
          setState('conflict');
        } else {
          setError(errorMessage(err));
          setState('error');
          // The report was submitted meanwhile: re-read it so the page shows why it is now read-only.
          // The unsaved text stays in this tab's draft.
          if (err instanceof ApiError && err.code === 'REPORT_WRONG_STATE') staleRef.current?.();
        }
        return false;
      }
    })();
    inFlight.current = run;
    const ok = await run;
    inFlight.current = null;
    // Edits typed during the save go out right after it.
    if (ok && dirty.current && !timer.current) return saveNow();
    return ok;
  }, [reportId, taskId]);

  const schedule = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      timer.current = null;
      void saveNow();
    }, AUTOSAVE_DELAY_MS);
  }, [saveNow]);

  // A draft restored after a refresh is sent once the page is up.
  useEffect(() => {
    if (initial) schedule();
  }, [initial, schedule]);

  // Leaving the page saves what is pending (the draft keeps it if that fails).
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        timer.current = null;
        void saveNow();
      }
    },
    [saveNow],
  );

  const change = useCallback(
    (patch: Partial<ProgressValues>) => {
      for (const key of Object.keys(patch) as (keyof ProgressValues)[]) {
        if (key !== 'actuals') touched.current.add(key);
      }
      for (const [id, value] of Object.entries(patch.actuals ?? {})) {
        if (valuesRef.current.actuals[Number(id)] !== value) touched.current.add(`a:${id}`);
      }
      valuesRef.current = { ...valuesRef.current, ...patch };
      setValues(valuesRef.current);
      dirty.current = true;
      edits.current += 1;
      writeDraft(reportId, taskId, {
        version: version.current,
        values: valuesRef.current,
        touched: [...touched.current],
      });
      if (!blocked.current) {
        setState('dirty');
        schedule();
      }
    },
    [reportId, taskId, schedule],
  );

  const flush = useCallback(async () => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    return saveNow();
  }, [saveNow]);

  // "My version" in a conflict: the other person's entry with the fields I changed laid over it.
  const merged = conflict ? mergeMine(conflict, valuesRef.current, touched.current) : null;

  /** The clerk's answer to a conflict: take the other person's entry, or save mine over it. */
  const resolve = useCallback(
    (choice: 'theirs' | 'mine') => {
      if (!conflict) return;
      blocked.current = false;
      version.current = conflict.version;
      setConflict(null);
      if (choice === 'theirs') {
        dirty.current = false;
        touched.current.clear();
        clearDraft(reportId, taskId);
        valuesRef.current = { ...valuesRef.current, ...textOf(conflict) };
        setValues(valuesRef.current);
        setState('idle');
      } else {
        valuesRef.current = mergeMine(conflict, valuesRef.current, touched.current);
        setValues(valuesRef.current);
        writeDraft(reportId, taskId, {
          version: conflict.version,
          values: valuesRef.current,
          touched: [...touched.current],
        });
        void saveNow();
      }
    },
    [conflict, reportId, taskId, saveNow],
  );

  const current = useCallback(() => valuesRef.current, []);

  return { values, current, change, flush, state, savedAt, error, conflict, merged, resolve };
}
