import { idParam } from '../../../core/api/common';
import { AppError } from '../../errors/app-error';
import { findNotice, loadAnnexLedger } from '../../exports/ledger-annex-data';
import { ledgerAnnexFileName, renderLedgerAnnexWorkbook } from '../../exports/ledger-annex-xlsx';
import { contentDisposition } from '../../http/content-disposition';
import type { Routes } from '../../http/zod-app';

/** The ledger of one notice in the notice's annex layout (责任分解台账), re-importable as the same notice. */
export const ledgerExportRoutes: Routes = (app, ctx) => {
  app.get('/api/notices/:id/ledger.xlsx', {
    config: { access: 'ledger.export', recordScoped: true },
    schema: {
      tags: ['notices'],
      summary: 'The notice’s ledger as an Excel workbook in the annexes’ layout, with the latest progress, light and indicators on the right',
      params: idParam,
    },
    handler: async (request, reply) => {
      const notice = await findNotice(ctx.db, request.params.id);
      if (!notice) throw new AppError('NOT_FOUND');
      request.authorize('ledger.export', { orgId: notice.org_id });
      const ledger = await loadAnnexLedger(ctx, notice);
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition(ledgerAnnexFileName(ledger)))
        .send(await renderLedgerAnnexWorkbook(ledger, ctx.clock.today()));
    },
  });
};
