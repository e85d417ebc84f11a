import type { Role } from '../api/types';

/**
 * The server writes one link per notification or to-do whoever receives it; a few pages live at a
 * role's own address in the web app (a head's report page is /unit-head/report/…), so map them here.
 */
export function linkFor(link: string | null, role: Role): string | null {
  if (!link) return null;
  if (role === 'unit_head' && link.startsWith('/unit/report/'))
    return link.replace('/unit/report/', '/unit-head/report/');
  if (link.startsWith('/reports/')) {
    if (role === 'office') return link.replace('/reports/', '/office/reports/');
    // A unit reads its own report on its report page; without the period id, its home lists them.
    return null;
  }
  return link;
}
