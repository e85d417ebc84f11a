import { Readable } from 'node:stream';
import { auditActorsSchema, auditExportQuery, auditListSchema, auditQuery, auditVerifySchema } from '../../../core/api/audit';
import { auditActorChoices } from '../../audit/audit-names';
import { auditPage } from '../../audit/audit-view';
import { appendAudit, verifyAuditChain } from '../../audit/audit.repository';
import { renderAuditWorkbook } from '../../audit/export-xlsx';
import { auditEntriesInRange, auditExportLines, auditScopeOf, dateRangeBounds, EXPORT_FORMAT } from '../../audit/export';
import { inTransaction } from '../../context';
import { findOrganisation } from '../../directory/organisations.repository';
import { actorOf } from '../../http/actor';
import { contentDisposition } from '../../http/content-disposition';
import type { Routes } from '../../http/zod-app';

export const auditRoutes: Routes = (app, ctx) => {
  app.get('/api/audit', {
    config: { access: 'audit.read' },
    schema: {
      tags: ['audit'],
      summary: "The organisation's audit log for reading, newest first: filtered, with names, autosaves of one item by one person in one line",
      querystring: auditQuery,
      response: { 200: auditListSchema },
    },
    handler: async (request) => {
      const { limit, beforeId, actorUserId, actorName, actions, entity, from, to } = request.query;
      const org = await findOrganisation(ctx.db, actorOf(request).orgId);
      const fromAt = from ? dateRangeBounds(from, from).fromAt : undefined;
      const toAt = to ? dateRangeBounds(to, to).toAt : undefined;
      return auditPage(ctx.db, auditScopeOf(org!), { limit, beforeSeq: beforeId, filter: { actorUserId, actorName, actions, entity, fromAt, toAt } });
    },
  });

  app.get('/api/audit/actors', {
    config: { access: 'audit.read' },
    schema: { tags: ['audit'], summary: 'Everyone who appears in the organisation’s audit log (the person filter’s choices)', response: { 200: auditActorsSchema } },
    handler: async (request) => {
      const org = await findOrganisation(ctx.db, actorOf(request).orgId);
      return { items: await auditActorChoices(ctx.db, auditScopeOf(org!)) };
    },
  });

  app.get('/api/audit/verify', {
    config: { access: 'audit.read' },
    schema: { tags: ['audit'], summary: 'Verify the hash chain of the whole audit log', response: { 200: auditVerifySchema } },
    handler: async () => {
      const r = await verifyAuditChain(ctx.db);
      return { ok: r.ok, checked: r.checked, firstBrokenId: r.firstBrokenSeq, reason: r.reason };
    },
  });

  // The export is itself an audited act: who took which range of the log out of the system.
  const exportRoute = (format: 'jsonl' | 'xlsx') =>
    app.get(`/api/audit/export.${format}`, {
      config: { access: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary:
          format === 'jsonl'
            ? 'The audit log of a date range as JSON lines with every hashed field and a trailer (checked by `duban verify-audit --file`)'
            : 'The audit log of a date range as an Excel workbook for reading',
        querystring: auditExportQuery,
      },
      handler: async (request, reply) => {
        const actor = actorOf(request);
        const { from, to } = request.query;
        // One read of the organisation: its name heads the file, its place in the tree sets the scope.
        const org = (await findOrganisation(ctx.db, actor.orgId))!;
        const scope = auditScopeOf(org);
        await inTransaction(ctx, (trx) =>
          appendAudit(trx, ctx.engine, { actor, orgId: actor.orgId, action: 'audit.export', entity: 'audit_log', entityId: null, after: { from, to, format } }),
        );
        const head = await ctx.db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
        const { fromAt, toAt } = dateRangeBounds(from, to);
        const entries = auditEntriesInRange(ctx.db, scope, fromAt, toAt);
        const fileName = `审计日志-${org.name}-${from}至${to}.${format}`;
        reply.header('content-disposition', contentDisposition(fileName));
        if (format === 'xlsx') {
          const title = `${org.name}审计日志（${from} 至 ${to}）`;
          return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await renderAuditWorkbook(title, entries));
        }
        const header = {
          format: EXPORT_FORMAT as typeof EXPORT_FORMAT,
          version: 1 as const,
          organisation: org.name,
          from,
          to,
          exportedAt: new Date().toISOString(),
          exportedBy: actor.name,
          chainHead: head ? { seq: head.seq, hash: head.hash } : null,
        };
        return reply.header('content-type', 'application/x-ndjson; charset=utf-8').send(Readable.from(auditExportLines(header, entries)));
      },
    });
  exportRoute('jsonl');
  exportRoute('xlsx');
};
