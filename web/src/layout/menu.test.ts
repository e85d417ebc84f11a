import { describe, expect, it } from 'vitest';
import { NAV, type NavItem } from './menu';

// The menu is built from the policy table (core/policy/actions.ts): each entry for the roles whose
// action opens its page. This pins what every role sees, so a change to the table or the menu that
// moves an entry shows here (a trailing ? marks an entry shown only to organisations with levels below).
// A group (系统设置) shows as its label and its pages: '系统设置[/office/settings,/office/directory]'.
const show = (i: NavItem): string => (i.children ? `${i.label}[${i.children.map(show).join(',')}]` : i.path + (i.visible ? '?' : ''));

describe('menu by role', () => {
  it('gives each role the entries of its actions, in order', () => {
    const paths = Object.fromEntries(
      Object.entries(NAV).map(([role, items]) => [role, items.map(show)]),
    );
    expect(paths).toEqual({
      office: [
        '/office',
        '/analysis',
        '/office/import',
        '/office/periods',
        '/ledger',
        '/rollup?',
        '/coordination',
        '/office/adjustments',
        '/office/bulletins',
        '/office/reminders',
        '/assessment',
        '系统设置[/office/settings,/office/directory]',
      ],
      unit_staff: ['/unit', '/analysis', '/ledger', '/coordination', '/bulletins'],
      unit_head: ['/unit-head', '/analysis', '/ledger', '/coordination', '/bulletins'],
      leader: ['/leader', '/analysis', '/ledger', '/rollup?', '/coordination', '/bulletins', '/assessment'],
      viewer: ['/viewer', '/analysis', '/ledger', '/rollup?', '/bulletins'],
      sysadmin: ['/admin/users'],
      secadmin: ['/security'],
      auditor: ['/audit'],
    });
  });
});
