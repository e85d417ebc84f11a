import type { Me } from '../../core/api/auth';
import { ROLE_HOMES, ROLE_LABELS, type Role } from '../../core/roles';
import type { SignedIn } from '../auth/session.service';
import type { AppContext } from '../context';
import { findLeader } from '../directory/leaders.repository';
import { organisationPath } from '../directory/organisations.repository';
import { findUnit } from '../directory/units.repository';
import { findUser } from '../directory/users.repository';
import { presentOrgRef } from './organisation';
import { findEnabledTotp, mayEnrolTotp } from '../auth/totp.service';

export async function presentMe(ctx: AppContext, signedIn: SignedIn): Promise<Me> {
  const { actor } = signedIn;
  const role = actor.role as Role;
  const [user, path, unit, leader, totp] = await Promise.all([
    findUser(ctx.db, actor.userId!),
    organisationPath(ctx.db, actor.orgId!),
    actor.unitId ? findUnit(ctx.db, actor.unitId) : undefined,
    actor.leaderId ? findLeader(ctx.db, actor.leaderId) : undefined,
    findEnabledTotp(ctx, actor.userId!),
  ]);
  const org = path[path.length - 1]!;
  return {
    id: actor.userId!,
    username: user!.username,
    displayName: actor.name,
    role,
    roleLabel: ROLE_LABELS[role],
    home: ROLE_HOMES[role],
    org: { ...presentOrgRef(org), path: path.map(presentOrgRef) },
    unit: unit ? { id: unit.id, name: unit.name } : null,
    leader: leader ? { id: leader.id, name: leader.name, title: leader.title } : null,
    csrfToken: signedIn.csrfToken,
    mustChangePassword: signedIn.mustChangePassword,
    totp: { enabled: totp !== undefined, mayEnrol: mayEnrolTotp(role) },
    businessClock: { today: ctx.clock.today(), fixed: ctx.config.today !== null, demo: ctx.config.demo },
  };
}
