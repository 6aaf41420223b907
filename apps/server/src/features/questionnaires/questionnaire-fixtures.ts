import type { TestApp } from '../../test/app.ts';
import { CSRF } from '../../test/app.ts';
import { LOINC, PHQ9_ITEMS } from './instruments.ts';
import { seedQuestionnaires } from './seed.ts';

/**
 * Test fixture: the patient (signed in as `cookie`) completes a PHQ-9 with item 9 above zero for an
 * appointment, through the real route, which raises a care alert. Returns the ids it made (alert,
 * response, flags), so tests can aim other callers at them.
 */
export async function seedCareAlertFor(h: TestApp, cookie: string, appointmentId: string | undefined): Promise<string[]> {
  await seedQuestionnaires(h.ctx.store);
  const answers = PHQ9_ITEMS.map(([code], i) => ({ linkId: code, answer: [{ valueCoding: { system: LOINC, code: i === 8 ? 'LA6570-1' : 'LA6569-3' } }] }));
  const res = await h.app.inject({
    method: 'POST', url: `/api/questionnaires/phq-9/complete${appointmentId ? `?appointment=${appointmentId}` : ''}`, headers: { cookie, ...CSRF }, payload: { answers },
  });
  if (res.statusCode !== 200) throw new Error(`PHQ-9 fixture failed: ${res.statusCode} ${res.body}`);
  const responseId = res.json().id as string;
  const alerts = await h.ctx.db.query<{ id: string; flag_id: string }>('SELECT id, flag_id FROM care_alerts WHERE response_id = $1', [responseId]);
  return [responseId, ...alerts.flatMap((a) => [a.id, a.flag_id])];
}
