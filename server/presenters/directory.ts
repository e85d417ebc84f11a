import { ROLE_LABELS, isRole, type Role } from '../../core/roles';
import type { UnitWithAliases } from '../directory/units.repository';

export function presentUnit(u: UnitWithAliases) {
  return { id: u.id, name: u.name, aliases: u.aliases, version: u.version };
}

export function presentPerson(p: { id: number; display_name: string; role: string }) {
  const role = toRole(p.role);
  return { id: p.id, displayName: p.display_name, role, roleLabel: ROLE_LABELS[role] };
}

export function presentUser(u: {
  id: number;
  username: string;
  display_name: string;
  role: string;
  unit_id: number | null;
  unit_name: string | null;
  leader_id: number | null;
  leader_name: string | null;
  disabled: number;
  email?: string | null;
  phone?: string | null;
}) {
  const role = toRole(u.role);
  return {
    id: u.id,
    username: u.username,
    displayName: u.display_name,
    role,
    roleLabel: ROLE_LABELS[role],
    unit: u.unit_id && u.unit_name ? { id: u.unit_id, name: u.unit_name } : null,
    leader: u.leader_id && u.leader_name ? { id: u.leader_id, name: u.leader_name } : null,
    disabled: u.disabled === 1,
    email: u.email ?? null,
    phone: u.phone ?? null,
  };
}

function toRole(role: string): Role {
  if (!isRole(role)) throw new Error(`unknown role in database: ${role}`);
  return role;
}
