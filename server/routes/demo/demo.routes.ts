import { demoAccountsSchema } from '../../../core/api/auth';
import { ROLE_LABELS } from '../../../core/roles';
import { DEMO_ACCOUNTS, DEMO_ORGS, DEMO_PASSWORD } from '../../demo/demo-directory';
import { AppError } from '../../errors/app-error';
import type { Routes } from '../../http/zod-app';

export const demoRoutes: Routes = (app, ctx) => {
  app.get('/api/demo/accounts', {
    config: { access: 'public' },
    schema: { tags: ['demo'], summary: 'The demo sign-ins (only while the demo is on)', response: { 200: demoAccountsSchema } },
    handler: async () => {
      if (!ctx.config.demo) throw new AppError('DEMO_OFF');
      return {
        accounts: DEMO_ACCOUNTS.map((a) => ({
          username: a.username,
          password: DEMO_PASSWORD,
          role: a.role,
          roleLabel: ROLE_LABELS[a.role],
          displayName: a.displayName,
          unitName: a.unit ?? null,
          orgName: DEMO_ORGS.find((o) => o.code === a.org)!.name,
        })),
      };
    },
  });
};
