import { isRole, type Role } from '../../core/roles';

/** Who is acting: a signed-in person, or the system itself (CLI, demo seeding, jobs). */
export type Actor = {
  userId: number | null;
  name: string;
  orgId: number | null;
  role: Role | 'system';
  unitId: number | null;
  leaderId: number | null;
};

export function systemActor(name = 'system'): Actor {
  return { userId: null, name, orgId: null, role: 'system', unitId: null, leaderId: null };
}

/** The actor for a signed-in account's row (a session, a platform sign-in); a stored role the code does not know is a bug. */
export function actorOfUser(user: {
  id: number;
  display_name: string;
  org_id: number;
  role: string;
  unit_id: number | null;
  leader_id: number | null;
}): Actor {
  if (!isRole(user.role)) throw new Error(`unknown role ${user.role}`);
  return {
    userId: user.id,
    name: user.display_name,
    orgId: user.org_id,
    role: user.role,
    unitId: user.unit_id,
    leaderId: user.leader_id,
  };
}
