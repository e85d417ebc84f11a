import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { Role } from '../api/types';
import { useSession } from '../auth/session';
import { homeFor } from '../roles';

/**
 * Like routes.tsx's ForRole, for pages several roles share (台账, 事项, 协调事项): anyone else goes
 * to their own home instead of a page whose every request the server would refuse.
 */
export function ForRoles({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { me } = useSession();
  if (!me) return <Navigate to="/login" replace />;
  if (!roles.includes(me.role)) return <Navigate to={homeFor(me.role, me.home)} replace />;
  return <>{children}</>;
}

// Who may open which shared page: the same lists as the server's policy (task.read, coordination.read).
export const LEDGER_ROLES: readonly Role[] = ['office', 'unit_staff', 'unit_head', 'leader', 'viewer'];
export const COORDINATION_ROLES: readonly Role[] = ['office', 'unit_staff', 'unit_head', 'leader'];
