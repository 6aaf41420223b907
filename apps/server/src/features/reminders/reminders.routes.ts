import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ReminderPreferences, ReminderPreferencesResponse } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { getReminderPreferences, saveReminderPreferences } from './reminders.service.ts';

const PatientQuery = z.object({ patient: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Not a valid patient id.').optional() });

/** Appointment reminder settings of the patient in context (?patient=<id> for a proxied record). */
export function registerReminderRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/api/appointments/reminder-preferences', async (request) => {
    const { patient } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    return ReminderPreferencesResponse.parse(await getReminderPreferences({ ctx, access }));
  });

  app.put('/api/appointments/reminder-preferences', async (request) => {
    const { patient } = PatientQuery.parse(request.query);
    const access = await patientAccessFor(ctx, request, patient);
    const input = ReminderPreferences.parse(request.body ?? {});
    return ReminderPreferencesResponse.parse(await saveReminderPreferences({ ctx, access }, input));
  });
}
