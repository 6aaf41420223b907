import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Flag, MedicationRequest, Patient, QuestionnaireResponse } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { CSRF, createPatientUser, createTestApp, signInCookie, type TestApp } from '../../test/app.ts';
import { buildAllergy } from '../../test/factories.ts';
import { grantProxy, upsertUser } from '../../platform/auth/users.ts';
import { assertValidResource } from '../../platform/fhir-store/validate.ts';
import { createManagedPatient, createStaffUser, sessionCookie } from '../staff/staff-fixtures.ts';
import { GAD7_ITEMS, LOINC, PHQ9_ITEMS } from '../questionnaires/instruments.ts';
import { seedQuestionnaires } from '../questionnaires/seed.ts';
import { createAppointment, createVisitType } from './echeckin-fixtures.ts';

const ORG = 'org-echeckin';
const CODES = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];
const choice = (linkId: string, points: number) => ({ linkId, answer: [{ valueCoding: { system: LOINC, code: CODES[points]! } }] });
const phq = (points: number[]) => PHQ9_ITEMS.map(([code], i) => choice(code, points[i]!));
const gad = (points: number[]) => GAD7_ITEMS.map(([code], i) => choice(code, points[i]!));

describe.each(testDrivers)('questionnaires and eCheck-in on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
    await seedQuestionnaires(h.ctx.store);
  });
  afterAll(() => h?.close());

  const send = (method: 'POST' | 'PUT', cookie: string, url: string, payload: unknown, lang = 'en') =>
    h.app.inject({ method, url, headers: { cookie, ...CSRF, 'accept-language': lang }, payload: payload as object });
  const get = (cookie: string, url: string, lang = 'en') => h.app.inject({ url, headers: { cookie, 'accept-language': lang } });

  /** A patient of ORG with an account, a clinician (practitioner) with an account, and a visit type asking PHQ-9 and GAD-7. */
  async function setting(o: { inHours?: number; status?: string } = {}) {
    const p = await createManagedPatient(h.ctx, ORG, {
      name: [{ use: 'official', given: ['Rosa'], family: 'Marquez' }],
      telecom: [{ system: 'phone', value: '555-010-2000', use: 'mobile' }, { system: 'email', value: 'rosa@example.test' }],
      address: [{ use: 'home', line: ['1 Old Road'], city: 'Riverbend', state: 'MN', postalCode: '55404' }],
    });
    const userId = await upsertUser(h.ctx.db, { email: `rosa-${p.id!.slice(0, 8)}@example.test`, role: 'patient', displayName: 'Rosa Marquez', patientId: p.id!, practitionerId: null, passwordHash: null });
    const practitionerId = `pract-${p.id!.slice(0, 8)}`;
    const clinician = await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG, practitionerId });
    const visitTypeId = await createVisitType(h.ctx, ['phq-9', 'gad-7']);
    const appointmentId = await createAppointment(h.ctx, { patientId: p.id!, practitionerId, visitTypeId, inHours: o.inHours ?? 48, status: o.status });
    return { patientId: p.id!, userId, cookie: await sessionCookie(h.ctx, userId), clinician, appointmentId, practitionerId };
  }

  it('serves PHQ-9 in English and Spanish from the translation extension', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await signInCookie(h.app, u.email, u.password);
    const en = (await get(cookie, '/api/questionnaires/phq-9')).json();
    expect(en.questionnaire.title).toBe('Patient Health Questionnaire (PHQ-9)');
    expect(en.questionnaire.item[0].item[8]).toMatchObject({ linkId: '44260-8', text: 'Thoughts that you would be better off dead or of hurting yourself in some way', required: true });
    expect(en.response).toBeNull();
    const es = (await get(cookie, '/api/questionnaires/phq-9', 'es')).json();
    expect(es.questionnaire.item[0].item[0].text).toBe('Poco interés o placer en hacer cosas');
    expect(es.questionnaire.item[0].item[0].answerOption.map((o: { valueCoding: { display: string } }) => o.valueCoding.display)).toEqual(['Ningún día', 'Varios días', 'Más de la mitad de los días', 'Casi todos los días']);
    expect((await get(cookie, '/api/questionnaires/gad-7', 'es')).json().questionnaire.item[0].item[3].text).toBe('Ha tenido dificultad para relajarse');
    expect((await get(cookie, '/api/questionnaires/no-such-form')).statusCode).toBe(404);
    // Every built-in questionnaire is valid FHIR R4 as stored.
    for (const id of ['phq-9', 'gad-7', 'pre-visit-health']) assertValidResource(await h.ctx.store.read('Questionnaire', id));
  });

  it('saves a draft, reloads it, updates the same response, and refuses answers that do not fit', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await signInCookie(h.app, u.email, u.password);
    const first = await send('PUT', cookie, '/api/questionnaires/pre-visit-health/draft', { answers: [{ linkId: 'main-concern', answer: [{ valueString: 'Knee pain when climbing stairs' }] }] });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'in-progress', score: null, crisis: false });
    const reloaded = (await get(cookie, '/api/questionnaires/pre-visit-health')).json();
    expect(reloaded.response).toMatchObject({ id: first.json().id, status: 'in-progress', answers: [{ linkId: 'main-concern', answer: [{ valueString: 'Knee pain when climbing stairs' }] }] });

    const second = await send('PUT', cookie, '/api/questionnaires/pre-visit-health/draft', {
      answers: [
        { linkId: 'main-concern', answer: [{ valueString: 'Knee pain' }] },
        { linkId: 'pain-level', answer: [{ valueInteger: 0 }] },
        // Disabled by pain-level 0 (enableWhen > 0): dropped, not stored.
        { linkId: 'pain-where', answer: [{ valueString: 'Left knee' }] },
      ],
    });
    expect(second.json().id).toBe(first.json().id);
    expect(second.json().answers.map((a: { linkId: string }) => a.linkId)).toEqual(['main-concern', 'pain-level']);
    const stored = (await h.ctx.store.read('QuestionnaireResponse', first.json().id)) as QuestionnaireResponse;
    expect(stored).toMatchObject({ status: 'in-progress', subject: { reference: `Patient/${u.patientId}` }, questionnaire: 'https://ourchart.example/fhir/Questionnaire/pre-visit-health|1' });
    assertValidResource(stored);
    expect((await h.ctx.store.history('QuestionnaireResponse', first.json().id)).length).toBe(2);

    const bad = await send('PUT', cookie, '/api/questionnaires/pre-visit-health/draft', { answers: [{ linkId: 'tobacco', answer: [{ valueCoding: { code: 'sometimes' } }] }, { linkId: 'nope', answer: [{ valueString: 'x' }] }] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ path: 'tobacco', message: 'Choose one of the answers listed.' }, { path: 'nope', message: 'This answer is for a question that is not in this form.' }]);
    const badEs = await send('PUT', cookie, '/api/questionnaires/pre-visit-health/draft', { answers: [{ linkId: 'pain-level', answer: [{ valueString: 'a lot' }] }] }, 'es');
    expect(badEs.json().errors[0].message).toBe('Esta respuesta no corresponde a la pregunta. Vuelva a cargar la página y responda de nuevo.');

    const incomplete = await send('POST', cookie, '/api/questionnaires/pre-visit-health/complete', { answers: [{ linkId: 'main-concern', answer: [{ valueString: 'Knee' }] }] });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json().errors.map((e: { path: string }) => e.path)).toEqual(['pain-level', 'tobacco']);
    expect(((await h.ctx.store.read('QuestionnaireResponse', first.json().id)) as QuestionnaireResponse).status).toBe('in-progress');
  });

  it('completes a PHQ-9 with item 9 above zero: valid scored response, Flag, alert rows, the clinician told; staff see and acknowledge it', async () => {
    const s = await setting();
    const url = `/api/questionnaires/phq-9/complete?appointment=${s.appointmentId}`;
    const done = await send('POST', s.cookie, url, { answers: phq([3, 3, 3, 3, 3, 2, 2, 2, 1]) });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', crisis: true, score: { instrument: 'phq-9', total: 22, max: 27, band: 'severe' } });

    const qr = (await h.ctx.store.read('QuestionnaireResponse', done.json().id)) as QuestionnaireResponse;
    assertValidResource(qr);
    expect(qr).toMatchObject({ status: 'completed', subject: { reference: `Patient/${s.patientId}` }, questionnaire: 'https://ourchart.example/fhir/Questionnaire/phq-9|1', authored: expect.any(String) });
    expect(qr.item!.find((i) => i.linkId === '44261-6')!.answer).toEqual([{ valueInteger: 22 }]);
    expect(qr.item![0]!.item!.find((i) => i.linkId === '44260-8')!.answer![0]!.valueCoding).toMatchObject({ code: 'LA6569-3', display: 'Several days' });

    const alerts = await h.ctx.db.query<{ kind: string; score: number; flag_id: string; practitioner_id: string }>('SELECT kind, score, flag_id, practitioner_id FROM care_alerts WHERE response_id = $1 ORDER BY kind', [qr.id]);
    expect(alerts.map((a) => [a.kind, a.score, a.practitioner_id])).toEqual([['phq9-item9', 22, s.practitionerId], ['phq9-severe', 22, s.practitionerId]]);
    const flag = (await h.ctx.store.read('Flag', alerts[0]!.flag_id)) as Flag;
    expect(flag).toMatchObject({ status: 'active', subject: { reference: `Patient/${s.patientId}` }, code: { coding: [{ code: 'phq9-item9' }] } });
    const told = await h.ctx.db.query('SELECT kind, entity_type, entity_id FROM notifications WHERE user_id = $1', [s.clinician.userId]);
    expect(told).toEqual([{ kind: 'care-alert', entity_type: 'QuestionnaireResponse', entity_id: qr.id }]);

    // The patient reloads: completed, crisis message still due; a second completion for the visit is refused.
    const again = (await get(s.cookie, `/api/questionnaires/phq-9?appointment=${s.appointmentId}`)).json();
    expect(again.response).toMatchObject({ status: 'completed', crisis: true, score: { total: 22 } });
    expect((await send('POST', s.cookie, url, { answers: phq([0, 0, 0, 0, 0, 0, 0, 0, 0]) })).statusCode).toBe(409);

    // Staff: the care team sees both alerts and the scored answers; an outsider sees nothing.
    const list = (await get(s.clinician.cookie, '/api/staff/alerts')).json();
    const mine = list.alerts.filter((a: { patient: { id: string } }) => a.patient.id === s.patientId);
    expect(mine.map((a: { kind: string }) => a.kind).sort()).toEqual(['phq9-item9', 'phq9-severe']);
    expect(mine[0]).toMatchObject({ patient: { name: 'Rosa Marquez' }, score: 22, acknowledged: null, appointmentStartsAt: expect.any(String) });
    const outsider = await createStaffUser(h.ctx, { role: 'clinician', organizationId: 'org-elsewhere' });
    expect((await get(outsider.cookie, '/api/staff/alerts')).json().alerts.map((a: { patient: { id: string } }) => a.patient.id)).not.toContain(s.patientId);
    expect((await send('POST', outsider.cookie, `/api/staff/alerts/${mine[0].id}/acknowledge`, {})).statusCode).toBe(404);
    expect((await get(s.cookie, '/api/staff/alerts')).statusCode).toBe(404);

    const ack = await send('POST', s.clinician.cookie, `/api/staff/alerts/${mine[0].id}/acknowledge`, {});
    expect(ack.statusCode).toBe(200);
    expect(ack.json().acknowledged).toEqual({ by: s.clinician.displayName, at: expect.any(String) });
    expect((await send('POST', s.clinician.cookie, `/api/staff/alerts/${mine[0].id}/acknowledge`, {})).statusCode).toBe(409);
    const acknowledged = (await get(s.clinician.cookie, '/api/staff/alerts?status=acknowledged')).json();
    expect(acknowledged.alerts.map((a: { id: string }) => a.id)).toContain(mine[0].id);

    const answers = (await get(s.clinician.cookie, `/api/staff/patients/${s.patientId}/questionnaire-responses`)).json();
    expect(answers.responses[0]).toMatchObject({ questionnaireId: 'phq-9', score: { total: 22, band: 'severe' } });
    expect(answers.responses[0].items.find((i: { linkId: string }) => i.linkId === '44260-8')).toEqual({
      linkId: '44260-8', text: '9. Thoughts that you would be better off dead or of hurting yourself in some way', answers: ['Several days'], points: 1,
    });
  });

  it('alerts for GAD-7 at 15 but not at 14, and for no ordinary PHQ-9', async () => {
    const s = await setting();
    const low = await send('POST', s.cookie, '/api/questionnaires/gad-7/complete', { answers: gad([2, 2, 2, 2, 2, 2, 2]) });
    expect(low.json().score).toEqual({ instrument: 'gad-7', total: 14, max: 21, band: 'moderate' });
    expect(await h.ctx.db.query('SELECT 1 FROM care_alerts WHERE response_id = $1', [low.json().id])).toEqual([]);
    const high = await send('POST', s.cookie, `/api/questionnaires/gad-7/complete?appointment=${s.appointmentId}`, { answers: gad([3, 2, 2, 2, 2, 2, 2]) });
    expect(high.json()).toMatchObject({ score: { total: 15, band: 'severe' }, crisis: false });
    expect(await h.ctx.db.query('SELECT kind FROM care_alerts WHERE response_id = $1', [high.json().id])).toEqual([{ kind: 'gad7-severe' }]);
    // Two completions for the same visit at once: exactly one is kept.
    const raced = await Promise.all([0, 1].map(() => send('POST', s.cookie, `/api/questionnaires/phq-9/complete?appointment=${s.appointmentId}`, { answers: phq([0, 0, 0, 0, 0, 0, 0, 0, 0]) })));
    expect(raced.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(await h.ctx.db.query("SELECT 1 FROM questionnaire_responses WHERE patient_id = $1 AND questionnaire_id = 'phq-9' AND context_id = $2", [s.patientId, s.appointmentId])).toHaveLength(1);
    const plain = await send('POST', s.cookie, '/api/questionnaires/phq-9/complete', { answers: phq([2, 2, 2, 2, 2, 2, 2, 2, 0]) });
    expect(plain.json()).toMatchObject({ score: { total: 16, band: 'moderately-severe' }, crisis: false });
    expect(await h.ctx.db.query('SELECT 1 FROM care_alerts WHERE response_id = $1', [plain.json().id])).toEqual([]);
  });

  it('runs eCheck-in step by step inside its window and marks the appointment', async () => {
    const s = await setting({ inHours: 50 });
    await h.ctx.store.create(buildAllergy(s.patientId));
    const med = await h.ctx.store.create<MedicationRequest>({
      resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: `Patient/${s.patientId}` }, medicationCodeableConcept: { text: 'Lisinopril 10 mg tablet' },
    });
    const base = `/api/echeckin/${s.appointmentId}`;
    const view = (await get(s.cookie, base)).json();
    expect(view).toMatchObject({
      window: { state: 'open' }, done: [], completedAt: null,
      appointment: { visitType: 'Annual physical', practitioner: 'Dr. Test' },
      demographics: { name: 'Rosa Marquez', phone: '555-010-2000', email: 'rosa@example.test', address: { line: '1 Old Road', city: 'Riverbend', state: 'MN', postalCode: '55404' } },
      medications: [{ reference: `MedicationRequest/${med.id}`, name: 'Lisinopril 10 mg tablet', taking: null }],
      allergies: [{ name: 'Penicillin', taking: null }],
      questionnaires: [{ id: 'phq-9', title: 'Patient Health Questionnaire (PHQ-9)', status: 'not-started' }, { id: 'gad-7', status: 'not-started' }],
      bring: 'Bring your insurance card.',
    });
    expect((await get(s.cookie, base, 'es')).json().bring).toBe('Traiga su tarjeta del seguro.');

    const badPhone = await send('POST', s.cookie, `${base}/demographics`, { phone: 'call me' });
    expect(badPhone.statusCode).toBe(400);
    const fixed = await send('POST', s.cookie, `${base}/demographics`, { phone: '555-010-9999', address: { line: '22 New Street', city: 'Riverbend', state: 'mn', postalCode: '55405' } });
    expect(fixed.statusCode).toBe(200);
    expect(fixed.json().done).toEqual(['demographics']);
    const patient = (await h.ctx.store.read('Patient', s.patientId)) as Patient;
    expect(patient.telecom?.find((t) => t.system === 'phone')?.value).toBe('555-010-9999');
    expect(patient.address?.[0]).toMatchObject({ line: ['22 New Street'], state: 'MN', postalCode: '55405' });
    expect((await h.ctx.store.history('Patient', s.patientId)).length).toBe(2);
    expect(await h.ctx.db.query("SELECT query FROM audit_events WHERE action = 'update' AND entity_type = 'Patient' AND entity_id = $1", [s.patientId])).toEqual([{ query: `echeckin=${s.appointmentId}&changed=phone,address` }]);

    const noNote = await send('POST', s.cookie, `${base}/insurance`, { changed: true });
    expect(noNote.json().errors).toEqual([{ path: 'note', message: 'Tell the front desk what changed (at least 3 characters).' }]);
    expect((await send('POST', s.cookie, `${base}/insurance`, { changed: true, note: 'New job, now on Blue Plan' })).json().insuranceChanged).toBe(true);
    const [row] = await h.ctx.db.query<{ insurance_note_enc: string }>('SELECT insurance_note_enc FROM echeckin_progress WHERE appointment_id = $1', [s.appointmentId]);
    expect(row!.insurance_note_enc).not.toContain('Blue Plan');

    const partial = await send('POST', s.cookie, `${base}/medications`, { items: [{ reference: `MedicationRequest/${med.id}`, taking: true }] });
    expect(partial.statusCode).toBe(400);
    const allergy = view.allergies[0].reference;
    const reviewed = await send('POST', s.cookie, `${base}/medications`, { items: [{ reference: `MedicationRequest/${med.id}`, taking: false }, { reference: allergy, taking: true }] });
    expect(reviewed.json().medications[0].taking).toBe(false);
    expect(reviewed.json().allergies[0].taking).toBe(true);

    expect((await send('POST', s.cookie, `${base}/questionnaires`, {})).json().errors.map((e: { path: string }) => e.path)).toEqual(['phq-9', 'gad-7']);
    expect((await send('POST', s.cookie, `${base}/complete`, {})).statusCode).toBe(400);
    await send('POST', s.cookie, `/api/questionnaires/phq-9/complete?appointment=${s.appointmentId}`, { answers: phq([0, 0, 1, 0, 0, 0, 0, 0, 0]) });
    await send('PUT', s.cookie, `/api/questionnaires/gad-7/draft?appointment=${s.appointmentId}`, { answers: gad([1, 1, 0, 0, 0, 0, 0]).slice(0, 2) });
    expect((await get(s.cookie, base)).json().questionnaires.map((q: { status: string }) => q.status)).toEqual(['completed', 'in-progress']);
    await send('POST', s.cookie, `/api/questionnaires/gad-7/complete?appointment=${s.appointmentId}`, { answers: gad([1, 1, 0, 0, 0, 0, 0]) });
    expect((await send('POST', s.cookie, `${base}/questionnaires`, {})).json().done).toEqual(['demographics', 'insurance', 'medications', 'questionnaires']);

    const complete = await send('POST', s.cookie, `${base}/complete`, {});
    expect(complete.statusCode).toBe(200);
    expect(complete.json().completedAt).toEqual(expect.any(String));
    const [appt] = await h.ctx.db.query<{ echeckin_completed_at: Date | null }>('SELECT echeckin_completed_at FROM appointments WHERE id = $1', [s.appointmentId]);
    expect(appt!.echeckin_completed_at).not.toBeNull();
  });

  it('lets a proxy whose grant covers it answer for a child, and refuses one whose grant does not', async () => {
    const child = await createManagedPatient(h.ctx, ORG, { birthDate: '2019-05-01', name: [{ use: 'official', given: ['Mia'], family: 'Marquez' }] });
    const parent = await createPatientUser(h.ctx, { given: 'Parent' });
    await grantProxy(h.ctx.db, parent.userId, { patientId: child.id!, relationship: 'parent', scopes: ['record', 'appointments'] });
    const limited = await createPatientUser(h.ctx, { given: 'Limited' });
    await grantProxy(h.ctx.db, limited.userId, { patientId: child.id!, relationship: 'parent', scopes: ['billing'] });
    const answers = [
      { linkId: 'main-concern', answer: [{ valueString: 'Ear ache' }] }, { linkId: 'pain-level', answer: [{ valueInteger: 4 }] },
      { linkId: 'tobacco', answer: [{ valueCoding: { code: 'never' } }] },
    ];
    const url = `/api/questionnaires/pre-visit-health/complete?patient=${child.id}`;
    const done = await send('POST', await signInCookie(h.app, parent.email, parent.password), url, { answers });
    expect(done.statusCode).toBe(200);
    const qr = (await h.ctx.store.read('QuestionnaireResponse', done.json().id)) as QuestionnaireResponse;
    expect(qr).toMatchObject({ subject: { reference: `Patient/${child.id}` }, author: { display: 'Proxy (parent)' } });
    const refused = await send('POST', await signInCookie(h.app, limited.email, limited.password), url, { answers });
    expect(refused.statusCode).toBe(403);
  });

  it('is closed before 3 days out and once the visit starts, and 404 for another patient', async () => {
    const early = await setting({ inHours: 24 * 3 + 2 });
    const earlyView = (await get(early.cookie, `/api/echeckin/${early.appointmentId}`)).json();
    expect(earlyView).toMatchObject({ window: { state: 'not-yet' }, demographics: null, medications: [] });
    const refused = await send('POST', early.cookie, `/api/echeckin/${early.appointmentId}/insurance`, { changed: false });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'ECHECKIN_CLOSED', detail: 'eCheck-in opens 3 days before your visit. Please come back then.' });
    expect((await send('POST', early.cookie, `/api/echeckin/${early.appointmentId}/insurance`, { changed: false }, 'es')).json().detail).toBe('El registro en línea se abre 3 días antes de su consulta. Vuelva entonces, por favor.');

    const started = await setting({ inHours: -1 });
    expect((await get(started.cookie, `/api/echeckin/${started.appointmentId}`)).json().window.state).toBe('closed');
    const cancelled = await setting({ status: 'cancelled' });
    expect((await get(cancelled.cookie, `/api/echeckin/${cancelled.appointmentId}`)).json().window.state).toBe('cancelled');

    const other = await createPatientUser(h.ctx);
    const otherCookie = await signInCookie(h.app, other.email, other.password);
    const theirs = await get(otherCookie, `/api/echeckin/${early.appointmentId}`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.body).not.toContain('Marquez');
    expect((await send('POST', otherCookie, `/api/echeckin/${early.appointmentId}/demographics`, { phone: '555-000-1111' })).statusCode).toBe(404);
    expect((await get(otherCookie, `/api/questionnaires/phq-9?appointment=${early.appointmentId}`)).statusCode).toBe(404);
    expect((await send('POST', otherCookie, `/api/questionnaires/phq-9/complete?appointment=${early.appointmentId}`, { answers: [] })).statusCode).toBe(404);
    expect((await get(otherCookie, `/api/questionnaires/phq-9?patient=${early.patientId}`)).statusCode).toBe(404);
    expect(((await h.ctx.store.read('Patient', early.patientId)) as Patient).telecom?.[0]?.value).toBe('555-010-2000');
  });
});
