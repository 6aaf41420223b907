import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MedicationRequest } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, signInCookie, type TestApp } from '../../test/app.ts';
import { buildAllergy, buildCondition } from '../../test/factories.ts';

const clinical = (system: string, code: string) => ({ coding: [{ system: `http://terminology.hl7.org/CodeSystem/${system}`, code }] });

function medication(patientId: string, overrides: Partial<MedicationRequest>): MedicationRequest {
  return {
    resourceType: 'MedicationRequest', status: 'active', intent: 'order', subject: { reference: `Patient/${patientId}` },
    medicationCodeableConcept: { text: 'metformin 500 MG Oral Tablet' }, authoredOn: '2024-01-10T16:30:00Z',
    requester: { reference: 'Practitioner/x', display: 'Dr. Maya Chen' }, ...overrides,
  };
}

describe.each(testDrivers)('medications, allergies and conditions pages API on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
  });
  afterAll(() => h?.close());

  it('lists medicines current first, newest first, with the structured dose', async () => {
    const u = await createPatientUser(h.ctx);
    const other = await createPatientUser(h.ctx);
    await h.ctx.store.create(medication(u.patientId, {
      authoredOn: '2023-02-01', dispenseRequest: { numberOfRepeatsAllowed: 3 }, reasonCode: [{ text: 'Type 2 diabetes' }],
      dosageInstruction: [{
        text: 'Take 1 tablet by mouth twice a day with meals',
        route: { coding: [{ system: 'http://snomed.info/sct', code: '26643006', display: 'Oral route' }] },
        timing: { repeat: { frequency: 2, period: 1, periodUnit: 'd', when: ['C'] } },
        doseAndRate: [{ doseQuantity: { value: 1, unit: 'tablet' } }],
      }],
    }));
    await h.ctx.store.create(medication(u.patientId, { medicationCodeableConcept: { text: 'Albuterol inhaler' }, authoredOn: '2025-05-01', dosageInstruction: [{ asNeededCodeableConcept: { text: 'wheezing' }, route: { text: 'Inhalation' }, doseAndRate: [{ doseRange: { low: { value: 1, unit: 'puff' }, high: { value: 2, unit: 'puffs' } } }] }] }));
    await h.ctx.store.create(medication(u.patientId, { medicationCodeableConcept: { text: 'Amoxicillin' }, status: 'completed', authoredOn: '2022-03-01', statusReason: { text: 'Course finished' } }));
    await h.ctx.store.create(medication(u.patientId, { medicationCodeableConcept: { text: 'Wrong drug' }, status: 'entered-in-error' }));
    const theirs = await h.ctx.store.create(medication(other.patientId, { medicationCodeableConcept: { text: 'Not yours' } }));

    const cookie = await signInCookie(h.app, u.email, u.password);
    const res = await h.app.inject({ url: '/api/records/medications', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.active.map((m: { name: string }) => m.name)).toEqual(['Albuterol inhaler', 'metformin 500 MG Oral Tablet']);
    expect(body.past.map((m: { name: string }) => m.name)).toEqual(['Amoxicillin']);
    expect(body.past[0]).toMatchObject({ status: 'completed', statusReason: 'Course finished' });
    expect(body.active[1]).toMatchObject({ prescriber: 'Dr. Maya Chen', refills: 3, reasons: ['Type 2 diabetes'], instructions: 'Take 1 tablet by mouth twice a day with meals' });
    expect(body.active[1].dosage[0]).toEqual({
      text: 'Take 1 tablet by mouth twice a day with meals', patientInstruction: null, dose: { value: 1, high: null, unit: 'tablet' },
      route: 'oral', routeText: 'Oral route', asNeeded: false, asNeededFor: null,
      timing: { frequency: 2, frequencyMax: null, period: 1, periodMax: null, periodUnit: 'd', when: ['C'], timeOfDay: [], duration: null },
    });
    expect(body.active[0].dosage[0]).toMatchObject({ dose: { value: 1, high: 2, unit: 'puff' }, route: 'inhaled', asNeeded: true, asNeededFor: 'wheezing', timing: null });
    expect(JSON.stringify(body)).not.toContain(theirs.id);

    const denied = await h.app.inject({ url: `/api/records/medications?patient=${other.patientId}`, headers: { cookie } });
    expect(denied.statusCode).toBe(404);
    expect((await h.app.inject({ url: '/api/records/medications' })).statusCode).toBe(401);
  });

  it('lists allergies with reactions, severity, risk and onset, and conditions with statuses and recorder', async () => {
    const u = await createPatientUser(h.ctx);
    const other = await createPatientUser(h.ctx);
    await h.ctx.store.create(buildAllergy(u.patientId, {
      criticality: 'high', category: ['medication'], onsetDateTime: '2010-05-01', recorder: { display: 'Dr. Maya Chen' },
      verificationStatus: clinical('allergyintolerance-verification', 'confirmed'),
      reaction: [{ manifestation: [{ text: 'Hives' }, { text: 'Swelling' }], severity: 'severe' }],
    }));
    await h.ctx.store.create(buildAllergy(u.patientId, { code: { text: 'Latex' }, clinicalStatus: clinical('allergyintolerance-clinical', 'resolved'), onsetDateTime: '2001-01-01' }));
    await h.ctx.store.create(buildAllergy(u.patientId, { code: { text: 'Mistake' }, clinicalStatus: undefined, verificationStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification', code: 'entered-in-error', display: 'Entered in Error' }] } }));
    await h.ctx.store.create(buildCondition(u.patientId, { recorder: { display: 'Dr. Maya Chen' }, verificationStatus: clinical('condition-ver-status', 'confirmed'), recordedDate: '2019-06-02' }));
    await h.ctx.store.create(buildCondition(u.patientId, { code: { text: 'Asthma' }, onsetDateTime: '2021-01-01' }));
    await h.ctx.store.create(buildCondition(u.patientId, { code: { text: 'Broken wrist' }, clinicalStatus: clinical('condition-clinical', 'resolved'), onsetDateTime: '2015-01-01', abatementDateTime: '2015-03-01' }));
    await h.ctx.store.create(buildCondition(other.patientId, { code: { text: 'Not yours' } }));

    const cookie = await signInCookie(h.app, u.email, u.password);
    const allergies = (await h.app.inject({ url: '/api/records/allergies', headers: { cookie } })).json();
    expect(allergies.active).toHaveLength(1);
    expect(allergies.active[0]).toMatchObject({
      substance: 'Penicillin', criticality: 'high', categories: ['medication'], onset: '2010-05-01', recorder: 'Dr. Maya Chen', verificationStatus: 'confirmed',
      reactions: [{ manifestation: 'Hives', severity: 'severe' }, { manifestation: 'Swelling', severity: 'severe' }],
    });
    expect(allergies.past.map((a: { substance: string }) => a.substance)).toEqual(['Latex']);

    const conditions = (await h.app.inject({ url: '/api/records/conditions', headers: { cookie } })).json();
    expect(conditions.active.map((c: { name: string }) => c.name)).toEqual(['Asthma', 'Type 2 diabetes']);
    expect(conditions.active[1]).toMatchObject({ clinicalStatus: 'active', verificationStatus: 'confirmed', recorder: 'Dr. Maya Chen', onset: '2019-06-01', recorded: '2019-06-02' });
    expect(conditions.past).toEqual([expect.objectContaining({ name: 'Broken wrist', clinicalStatus: 'resolved', abatement: '2015-03-01' })]);

    for (const path of ['allergies', 'conditions']) {
      expect((await h.app.inject({ url: `/api/records/${path}?patient=${other.patientId}`, headers: { cookie } })).statusCode).toBe(404);
    }
    expect((await h.app.inject({ url: '/api/records/conditions?patient=../x', headers: { cookie } })).statusCode).toBe(400);
  });
});
