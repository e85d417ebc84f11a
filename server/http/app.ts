import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { createCaches, registerCaches } from '../cache/caches';
import type { AppContext } from '../context';
import { errorBody } from '../errors/app-error';
import { auditRoutes } from '../routes/audit/audit.routes';
import { authRoutes } from '../routes/auth/auth.routes';
import { demoRoutes } from '../routes/demo/demo.routes';
import { leaderRoutes } from '../routes/leaders/leaders.routes';
import { noticeRoutes } from '../routes/notices/notices.routes';
import { ledgerExportRoutes } from '../routes/notices/ledger-export.routes';
import { periodRoutes } from '../routes/periods/periods.routes';
import { reminderRoutes } from '../routes/reminders/reminders.routes';
import { bulletinRoutes } from '../routes/bulletins/bulletins.routes';
import { calendarRoutes } from '../routes/calendar/calendar.routes';
import { periodSummaryRoutes } from '../routes/periods/period-summary.routes';
import { evidenceRoutes } from '../routes/reports/evidence.routes';
import { reportRoutes } from '../routes/reports/reports.routes';
import { dashboardRoutes } from '../routes/dashboard/dashboard.routes';
import { settingsRoutes } from '../routes/settings/settings.routes';
import { periodScheduleRoutes } from '../routes/settings/period-schedule.routes';
import { evidenceRequirementRoutes } from '../routes/settings/evidence-requirement.routes';
import { taskRoutes } from '../routes/tasks/tasks.routes';
import { milestoneRoutes } from '../routes/milestones/milestones.routes';
import { taskClosureRoutes } from '../routes/tasks/task-closure.routes';
import { coReportingRoutes } from '../routes/tasks/co-reporting.routes';
import { adjustmentRoutes } from '../routes/collaboration/adjustments.routes';
import { coordinationRoutes } from '../routes/collaboration/coordination.routes';
import { inboxRoutes } from '../routes/collaboration/inbox.routes';
import { instructionRoutes } from '../routes/collaboration/instructions.routes';
import { organisationRoutes } from '../routes/organisations/organisations.routes';
import { systemRoutes } from '../routes/system/system.routes';
import { unitRoutes } from '../routes/units/units.routes';
import { userRoutes } from '../routes/users/users.routes';
import { assessmentRoutes } from '../routes/assessment/assessment.routes';
import { assessmentExportRoutes } from '../routes/assessment/export.routes';
import { qualityRoutes } from '../routes/assessment/quality.routes';
import { levelRoutes } from '../routes/levels/levels.routes';
import { IMPORT_LIMITS } from '../import/readers/limits';
import { answerFrameworkError, registerErrorHandling } from './errors';
import { registerNulGuard } from './nul-guard';
import { registerPolicyHooks, type RouteInfo } from './policy-hooks';
import { registerRateLimits } from './rate-limit';
import './types';
import type { Routes } from './zod-app';

const ROUTES: Routes[] = [
  systemRoutes,
  authRoutes,
  demoRoutes,
  organisationRoutes,
  unitRoutes,
  leaderRoutes,
  userRoutes,
  auditRoutes,
  noticeRoutes,
  ledgerExportRoutes,
  periodRoutes,
  reportRoutes,
  evidenceRoutes,
  taskRoutes,
  milestoneRoutes,
  taskClosureRoutes,
  coReportingRoutes,
  coordinationRoutes,
  adjustmentRoutes,
  instructionRoutes,
  inboxRoutes,
  settingsRoutes,
  periodScheduleRoutes,
  evidenceRequirementRoutes,
  calendarRoutes,
  dashboardRoutes,
  reminderRoutes,
  bulletinRoutes,
  periodSummaryRoutes,
  assessmentRoutes,
  assessmentExportRoutes,
  qualityRoutes,
  levelRoutes,
];

export type App = Awaited<ReturnType<typeof buildApp>>;

/** The whole HTTP application: API, OpenAPI document and the built web app, on one port. */
export async function buildApp(ctx: AppContext, opts: { logger?: boolean; worker?: number } = {}) {
  const app = Fastify({
    logger: opts.logger === false ? false : { level: ctx.config.logLevel },
    bodyLimit: 1024 * 1024,
    trustProxy: ctx.config.trustProxy,
    frameworkErrors: answerFrameworkError,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Which of `duban serve --workers N`'s processes answered (operators, the workers test).
  const worker = opts.worker;
  if (worker) app.addHook('onRequest', async (_request, reply) => void reply.header('x-duban-worker', String(worker)));

  const routeTable: RouteInfo[] = [];
  app.decorate('routeTable', routeTable);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: IMPORT_LIMITS.maxFileBytes, files: 1, fields: 5, fieldSize: 2 * 1024 * 1024 } });
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS as <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: 'same-origin' },
    // Plain HTTP on an intranet is common; HSTS is for the reverse proxy that terminates TLS.
    strictTransportSecurity: false,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Duban API', description: '督办：目标任务责任分解督办系统 HTTP API', version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'duban_session' } } },
    },
    transform: jsonSchemaTransform,
  });

  // Before the session hooks: a flood is refused before it costs a session lookup.
  registerRateLimits(app, ctx);
  const caches = createCaches(ctx);
  registerPolicyHooks(app, ctx, routeTable, caches.sessions);
  registerCaches(app, ctx, caches);
  registerErrorHandling(app);
  registerNulGuard(app);

  for (const routes of ROUTES) routes(app, ctx);

  app.get('/api/openapi.json', {
    config: { access: 'public' },
    schema: { hide: true },
    handler: async () => app.swagger(),
  });

  registerWebApp(app, ctx);
  return app;
}

/** Serves the built single-page app; unknown non-API paths get index.html (client routing). */
function registerWebApp(app: FastifyInstance, ctx: AppContext) {
  const indexFile = path.join(ctx.config.webDir, 'index.html');
  const built = fs.existsSync(indexFile);
  if (built) {
    app.register(fastifyStatic, {
      root: ctx.config.webDir,
      wildcard: false,
      index: false,
      // The build writes .br/.gz beside each file (web/vite.config.ts): sent as they are, no CPU per request.
      preCompressed: true,
      // Hashed file names under /assets never change: the browser keeps them; index.html is revalidated.
      setHeaders: (reply, filePath) => {
        if (filePath.includes(`${path.sep}assets${path.sep}`)) reply.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api')) return reply.code(404).send(errorBody('ROUTE_NOT_FOUND'));
    if (request.method !== 'GET') return reply.code(404).send(errorBody('ROUTE_NOT_FOUND'));
    if (!built) {
      return reply
        .code(503)
        .type('text/plain; charset=utf-8')
        .send('网页端尚未构建 / The web app is not built: run `npm run build` (npm start does it for you).');
    }
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html');
  });
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its declared policy; the policy tests iterate over it. */
    routeTable: RouteInfo[];
  }
}
