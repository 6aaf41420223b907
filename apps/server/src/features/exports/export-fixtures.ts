import { randomUUID } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import type { DiagnosticReport, Encounter, Immunization, MedicationRequest } from '@medplum/fhirtypes';
import type { AppContext } from '../../context.ts';
import { buildCondition, buildObservation } from '../../test/factories.ts';

const loinc = (code: string, display: string) => ({ coding: [{ system: 'http://loinc.org', code, display }], text: display });
const vital = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'vital-signs' }] }];

/** The 2024 range used by the tests: everything named "…inside" belongs to it, "…outside" does not. */
export const RANGE_2024 = { from: '2024-01-01', to: '2024-12-31' };
export const INSIDE = ['Glucose inside', 'Body weight inside', 'Diabetes inside', 'Metformin inside', 'Flu vaccine inside', 'Checkup inside', 'Metabolic panel inside'];
export const OUTSIDE = ['Sodium outside', 'Body weight outside', 'Sprain outside', 'Amoxicillin outside', 'Tetanus vaccine outside', 'Checkup outside'];

/**
 * Gives a patient one item of each kind inside 2024 and one outside it, named so a test can see
 * which made it into a download (unit-test fixtures, not the demo clinic).
 */
export async function seedRangedRecord(ctx: AppContext, patientId: string): Promise<void> {
  const subject = { reference: `Patient/${patientId}` };
  const glucose = await ctx.store.create(buildObservation(patientId, { code: loinc('2345-7', 'Glucose inside'), effectiveDateTime: '2024-03-01T08:00:00Z', valueQuantity: { value: 182, unit: 'mg/dL' } }));
  await ctx.store.create(buildObservation(patientId, { code: loinc('2951-2', 'Sodium outside'), effectiveDateTime: '2023-06-01T08:00:00Z', valueQuantity: { value: 140, unit: 'mmol/L' } }));
  await ctx.store.create(buildObservation(patientId, { category: vital, code: loinc('29463-7', 'Body weight inside'), effectiveDateTime: '2024-12-31T23:30:00-05:00', valueQuantity: { value: 70, unit: 'kg' } }));
  await ctx.store.create(buildObservation(patientId, { category: vital, code: loinc('29463-7', 'Body weight outside'), effectiveDateTime: '2025-01-01T00:10:00-05:00', valueQuantity: { value: 71, unit: 'kg' } }));
  await ctx.store.create<DiagnosticReport>({
    resourceType: 'DiagnosticReport', id: randomUUID(), status: 'final', code: loinc('24323-8', 'Metabolic panel inside'), subject,
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB' }] }],
    effectiveDateTime: '2024-03-01T08:00:00Z', result: [{ reference: `Observation/${glucose.id}` }],
  });
  // Ongoing items count when active at any time in the range.
  await ctx.store.create(buildCondition(patientId, { code: { text: 'Diabetes inside' }, onsetDateTime: '2019-06-01' }));
  await ctx.store.create(buildCondition(patientId, {
    code: { text: 'Sprain outside' }, onsetDateTime: '2022-02-01', abatementDateTime: '2022-03-01',
    clinicalStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/condition-clinical', code: 'resolved' }] },
  }));
  const med = (text: string, status: MedicationRequest['status'], authoredOn: string): MedicationRequest => ({
    resourceType: 'MedicationRequest', id: randomUUID(), status, intent: 'order', subject, authoredOn,
    medicationCodeableConcept: { text }, dosageInstruction: [{ text: 'Take 1 pill by mouth twice a day' }],
  });
  await ctx.store.create(med('Metformin inside', 'active', '2020-01-10'));
  await ctx.store.create(med('Amoxicillin outside', 'completed', '2021-05-01'));
  const shot = (text: string, date: string): Immunization => ({ resourceType: 'Immunization', id: randomUUID(), status: 'completed', vaccineCode: { text }, patient: subject, occurrenceDateTime: date });
  await ctx.store.create(shot('Flu vaccine inside', '2024-10-01'));
  await ctx.store.create(shot('Tetanus vaccine outside', '2019-04-01'));
  const visit = (text: string, start: string): Encounter => ({
    resourceType: 'Encounter', id: randomUUID(), status: 'finished', class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: 'AMB' },
    type: [{ text }], subject, period: { start, end: start },
  });
  await ctx.store.create(visit('Checkup inside', '2024-02-10T10:00:00Z'));
  await ctx.store.create(visit('Checkup outside', '2022-02-10T10:00:00Z'));
}

/**
 * The text a PDF shows, from its content streams: pdfkit deflates them and writes each run of
 * text as hex in TJ arrays, which this joins back together.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  for (const m of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue;
    }
    for (const tj of content.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      out.push([...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => Buffer.from(h[1]!, 'hex').toString('latin1')).join(''));
    }
  }
  return out.join('\n');
}
