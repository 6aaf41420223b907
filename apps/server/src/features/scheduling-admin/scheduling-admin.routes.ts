import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  ClinicSettings, ClinicSettingsInput, HoursRange, NewHoursRange, NewScheduleException, NewSetupVisitType, ScheduleException, SchedulingSetup,
  SetupVisitType, SetupVisitTypeUpdate, StaffDayAppointment, StaffDayQuery, StaffDaySchedule, StaffStatusChange,
} from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { requireStaff, staffAccessFor } from '../../platform/access/staff-access.ts';
import type { User } from '../../platform/auth/users.ts';
import { addException, addHours, findRemovableHours, removeException, removeHours } from './availability.service.ts';
import { changeStatus, findActionable, getDaySchedule } from './day-view.service.ts';
import { createVisitType, EDIT_ROLES, editVisitType, findEditableVisitType, getSetup, saveSettings } from './setup.service.ts';

// Path ids are checked by the services (unknown ones are 404 before any body is read), so an
// outsider learns nothing from a 400.
const IdParam = z.object({ id: z.string().max(100) });

const client = (request: FastifyRequest) => ({ ip: request.ip, requestId: request.id });

/**
 * Scheduling setup (/api/staff/scheduling/*: staff and admins change it, clinicians and nurses
 * read it) and the staff day view (/api/staff/schedule*: every staff role). Patients get 404.
 */
export function registerSchedulingAdminRoutes(app: FastifyInstance, ctx: AppContext) {
  const editor = async (request: FastifyRequest) => ({ ctx, user: await requireStaff(ctx, request, { roles: EDIT_ROLES }), client: client(request) });

  app.get('/api/staff/scheduling', async (request) => {
    const user = await requireStaff(ctx, request);
    return SchedulingSetup.parse(await getSetup({ ctx, user, client: client(request) }));
  });

  app.post('/api/staff/scheduling/visit-types', async (request, reply) => {
    const deps = await editor(request);
    const input = NewSetupVisitType.parse(request.body ?? {});
    return reply.status(201).send(SetupVisitType.parse(await createVisitType(deps, input)));
  });

  app.put('/api/staff/scheduling/visit-types/:id', async (request) => {
    const deps = await editor(request);
    const { id } = IdParam.parse(request.params);
    const current = await findEditableVisitType(deps, id);
    const input = SetupVisitTypeUpdate.parse(request.body ?? {});
    return SetupVisitType.parse(await editVisitType(deps, current, input));
  });

  app.post('/api/staff/scheduling/hours', async (request, reply) => {
    const deps = await editor(request);
    const input = NewHoursRange.parse(request.body ?? {});
    return reply.status(201).send(HoursRange.parse(await addHours(deps, input)));
  });

  app.delete('/api/staff/scheduling/hours/:id', async (request, reply) => {
    const deps = await editor(request);
    const { id } = IdParam.parse(request.params);
    await removeHours(deps, await findRemovableHours(deps, id));
    return reply.status(204).send();
  });

  app.post('/api/staff/scheduling/exceptions', async (request, reply) => {
    const deps = await editor(request);
    const input = NewScheduleException.parse(request.body ?? {});
    return reply.status(201).send(ScheduleException.parse(await addException(deps, input)));
  });

  app.delete('/api/staff/scheduling/exceptions/:id', async (request, reply) => {
    const deps = await editor(request);
    const { id } = IdParam.parse(request.params);
    await removeException(deps, id);
    return reply.status(204).send();
  });

  app.put('/api/staff/scheduling/settings', async (request) => {
    const deps = await editor(request);
    const input = ClinicSettingsInput.parse(request.body ?? {});
    return ClinicSettings.parse(await saveSettings(deps, input));
  });

  app.get('/api/staff/schedule', async (request) => {
    const user = await requireStaff(ctx, request);
    const query = StaffDayQuery.parse(request.query);
    return StaffDaySchedule.parse(await getDaySchedule(dayDeps(ctx, request, user), query));
  });

  app.post('/api/staff/schedule/appointments/:id/status', async (request) => {
    const user = await requireStaff(ctx, request);
    const { id } = IdParam.parse(request.params);
    const deps = dayDeps(ctx, request, user);
    const target = await findActionable(deps, id);
    const { status } = StaffStatusChange.parse(request.body ?? {});
    return StaffDayAppointment.parse(await changeStatus(deps, target, status));
  });
}

function dayDeps(ctx: AppContext, request: FastifyRequest, user: User) {
  return {
    ctx, user, client: client(request),
    open: (patientId: string, options?: { careTeamOnly?: boolean }) => staffAccessFor(ctx, request, patientId, options),
  };
}
