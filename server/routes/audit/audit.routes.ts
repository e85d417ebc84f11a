import { auditListSchema, auditQuery, auditVerifySchema } from '../../../core/api/audit';
import { listAudit, verifyAuditChain } from '../../audit/audit.repository';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';

const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as unknown));

export const auditRoutes: Routes = (app, ctx) => {
  app.get('/api/audit', {
    config: { access: 'audit.read' },
    schema: { tags: ['audit'], summary: "The organisation's audit log, newest first", querystring: auditQuery, response: { 200: auditListSchema } },
    handler: async (request) => {
      const { limit, beforeId } = request.query;
      const rows = await listAudit(ctx.db, { orgIds: [actorOf(request).orgId], limit, beforeSeq: beforeId });
      return {
        items: rows.map((r) => ({
          id: r.seq,
          at: r.at,
          actorName: r.actor_name,
          action: r.action,
          entity: r.entity,
          entityId: r.entity_id,
          before: parse(r.before_json),
          after: parse(r.after_json),
          hash: r.hash,
        })),
        nextBeforeId: rows.length === limit ? rows[rows.length - 1]!.seq : null,
      };
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
};
