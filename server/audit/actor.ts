import type { Role } from '../../core/roles';

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
