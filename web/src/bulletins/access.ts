import type { Role } from '../api/types';

// Who may open the bulletin pages: the server's bulletin.read (server/policies/policy.ts). Drafts
// stay the office's: the server answers 404 to anyone else.
export const BULLETIN_ROLES: readonly Role[] = ['office', 'unit_staff', 'unit_head', 'leader', 'viewer'];

/** The list page of the role: the office works at /office/bulletins, everyone else reads /bulletins. */
export const bulletinListPath = (role: Role | undefined) => (role === 'office' ? '/office/bulletins' : '/bulletins');
