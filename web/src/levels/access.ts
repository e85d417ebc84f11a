import type { Me } from '../api/types';
import { can } from '../auth/can';

/**
 * Whether the signed-in organisation sits above others. The session carries the level, not the
 * tree: a city or province is taken to have organisations below it (the roll-up page says so
 * plainly if one has none yet); a district never has.
 */
export const isUpperOrg = (me: Pick<Me, 'org'>) => me.org.level !== 'district';

export const canReadRollup = (me: Pick<Me, 'org' | 'role'>) => can(me.role, 'rollup.read') && isUpperOrg(me);

export const canHandDown = (me: Pick<Me, 'org' | 'role'>) => can(me.role, 'handdown.write') && isUpperOrg(me);

const LEVEL_LABELS: Record<string, string> = { province: '省', city: '市', district: '区' };
export const levelLabel = (level: string) => LEVEL_LABELS[level] ?? level;
