import type { Role } from '../api/types';
// The server's own table (core/policy/actions.ts): a page or button is shown to exactly the roles
// whose requests the API will serve, and there is no second list to keep in step.
import { ACTIONS, mayDo, type Action } from '../../../core/policy/actions';

export type { Action };

/**
 * Whether the role may do the action. The role check only: the record rules (own unit, own
 * organisation) stay the server's, so a page still shows the server's refusal when one applies.
 */
export const can = (role: Role | null | undefined, action: Action): boolean => role != null && mayDo(role, action);

/** The roles that may do the action. */
export const rolesFor = (action: Action): readonly Role[] => ACTIONS[action];
