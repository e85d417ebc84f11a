import type { Role } from '../api/types';
import { can } from '../auth/can';

// Who may open the bulletin pages: bulletin.read (core/policy/actions.ts, see routes.tsx). Drafts
// stay the writers' (the office's): the server answers 404 to anyone else.

/** The list page of the role: the office works at /office/bulletins, everyone else reads /bulletins. */
export const bulletinListPath = (role: Role | undefined) => (can(role, 'bulletin.write') ? '/office/bulletins' : '/bulletins');
