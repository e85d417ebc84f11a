import { describe, expect, it } from 'vitest';
import { NAV } from './menu';

// The menu is built from the policy table (core/policy/actions.ts): each entry for the roles whose
// action opens its page. This pins what every role sees, so a change to the table or the menu that
// moves an entry shows here (a trailing ? marks an entry shown only to organisations with levels below).
describe('menu by role', () => {
  it('gives each role the entries of its actions, in order', () => {
    const paths = Object.fromEntries(
      Object.entries(NAV).map(([role, items]) => [role, items.map((i) => i.path + (i.visible ? '?' : ''))]),
    );
    expect(paths).toEqual({
      office: [
        '/office',
        '/office/import',
        '/office/periods',
        '/ledger',
        '/rollup?',
        '/coordination',
        '/office/adjustments',
        '/office/bulletins',
        '/office/reminders',
        '/assessment',
        '/office/settings',
      ],
      unit_staff: ['/unit', '/ledger', '/coordination', '/bulletins'],
      unit_head: ['/unit-head', '/ledger', '/coordination', '/bulletins'],
      leader: ['/leader', '/ledger', '/rollup?', '/coordination', '/bulletins', '/assessment'],
      viewer: ['/viewer', '/ledger', '/rollup?', '/bulletins'],
      sysadmin: ['/admin/users'],
      secadmin: ['/security'],
      auditor: ['/audit'],
    });
  });
});
