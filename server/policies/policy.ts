import { ACTIONS, mayDo, type Action } from '../../core/policy/actions';
import type { Role } from '../../core/roles';
import type { Actor } from '../audit/actor';
import { AppError } from '../errors/app-error';

/**
 * The one place that says who may do what. The action → roles table is pure data in
 * core/policy/actions.ts (the web app reads it too); this file enforces it. Every API route names
 * one of those actions (or 'public'); the HTTP layer checks the role before the handler runs, and
 * handlers that touch a particular record call authorize(actor, action, record) for the record-level rule.
 */
export { ACTIONS, type Action };
export type Access = Action | 'public';

/**
 * What a record-level rule looks at: which organisation owns it and, if any, which unit (a
 * report) or units (a task, with its lead and co-operating units).
 */
export type PolicyRecord = {
  orgId: number;
  unitId?: number | null;
  unitIds?: readonly number[];
  /**
   * Organisations whose tasks this record's task is linked to (handed down or linked at import):
   * they may read it through 'rollup.read' only, never write it, never through any other action.
   */
  upstreamOrgIds?: readonly number[];
};

/** The only actions that may cross from an upper organisation into a lower one: read-only. */
const CROSS_LEVEL_READ: readonly Action[] = ['rollup.read'];

const UNIT_SCOPED: readonly Role[] = ['unit_staff', 'unit_head'];

export function roleMayDo(role: Actor['role'], action: Action): boolean {
  return role !== 'system' && mayDo(role, action);
}

/** Throws a 403 AppError with the reason, or returns when the actor may act on the record. */
export function authorize(actor: Actor, action: Action, record?: PolicyRecord): void {
  if (actor.role === 'system') return; // the CLI and jobs act for the deployment itself
  if (!roleMayDo(actor.role, action)) {
    throw new AppError('FORBIDDEN', { zh: `角色无权执行 ${action}`, en: `role ${actor.role} may not ${action}` });
  }
  if (!record) return;
  if (record.orgId !== actor.orgId) {
    // An upper level reads what it handed down (or what was linked to its items), nothing else.
    const upstream = actor.orgId !== null && CROSS_LEVEL_READ.includes(action) && (record.upstreamOrgIds ?? []).includes(actor.orgId);
    if (!upstream) throw new AppError('FORBIDDEN_OTHER_ORG');
    return;
  }
  // A unit's people see and change only their own unit's records.
  if (UNIT_SCOPED.includes(actor.role)) {
    if (record.unitId != null && record.unitId !== actor.unitId) throw new AppError('FORBIDDEN_OTHER_UNIT');
    if (record.unitIds && !record.unitIds.includes(actor.unitId ?? -1)) throw new AppError('FORBIDDEN_OTHER_UNIT');
  }
}
