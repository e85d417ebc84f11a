import { z } from 'zod';
import { idParam } from '../../../core/api/common';
import { unitBody, unitDetailSchema, unitPatch, unitSchema } from '../../../core/api/directory';
import { findUnit, listUnitPeople, listUnits } from '../../directory/units.repository';
import { createUnit, updateUnit } from '../../directory/units.service';
import { AppError } from '../../errors/app-error';
import { actorOf } from '../../http/actor';
import type { Routes } from '../../http/zod-app';
import { presentPerson, presentUnit } from '../../presenters/directory';

export const unitRoutes: Routes = (app, ctx) => {
  app.get('/api/units', {
    config: { access: 'directory.read' },
    schema: { tags: ['directory'], summary: "The organisation's units with aliases", response: { 200: z.object({ items: z.array(unitSchema) }) } },
    handler: async (request) => ({ items: (await listUnits(ctx.db, actorOf(request).orgId)).map(presentUnit) }),
  });

  app.get('/api/units/:id', {
    config: { access: 'unit.read', recordScoped: true },
    schema: { tags: ['directory'], summary: 'One unit and its people', params: idParam, response: { 200: z.object({ unit: unitDetailSchema }) } },
    handler: async (request) => {
      const unit = await findUnit(ctx.db, request.params.id);
      if (!unit) throw new AppError('NOT_FOUND');
      request.authorize('unit.read', { orgId: unit.org_id, unitId: unit.id });
      const people = await listUnitPeople(ctx.db, unit.id);
      return { unit: { ...presentUnit(unit), people: people.map(presentPerson) } };
    },
  });

  app.post('/api/units', {
    config: { access: 'directory.write' },
    schema: { tags: ['directory'], summary: 'Add a unit', body: unitBody, response: { 200: z.object({ unit: unitSchema }) } },
    handler: async (request) => {
      const actor = actorOf(request);
      return { unit: presentUnit(await createUnit(ctx, actor, actor.orgId, request.body)) };
    },
  });

  app.patch('/api/units/:id', {
    config: { access: 'directory.write', recordScoped: true },
    schema: { tags: ['directory'], summary: 'Rename a unit or change its aliases', params: idParam, body: unitPatch, response: { 200: z.object({ unit: unitSchema }) } },
    handler: async (request) => {
      const unit = await findUnit(ctx.db, request.params.id);
      if (!unit) throw new AppError('NOT_FOUND');
      request.authorize('directory.write', { orgId: unit.org_id, unitId: unit.id });
      return { unit: presentUnit(await updateUnit(ctx, actorOf(request), unit, request.body)) };
    },
  });
};
