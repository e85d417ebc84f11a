import type { Organisation } from '../db/schema';

export function presentOrgRef(org: Pick<Organisation, 'id' | 'name' | 'level'>) {
  return { id: org.id, name: org.name, level: org.level };
}
