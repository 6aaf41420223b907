import { addAllergy } from './allergies.ts';
import { addCoverage, type CoverageInfo } from './billing.ts';
import { INSURER_COMMERCIAL_ID } from './clinic.ts';
import { addCondition } from './conditions.ts';
import { addDays, addYears } from './dates.ts';
import { addVisit } from './encounters.ts';
import { adultVitals, monthsAgo } from './history-helpers.ts';
import { addFluSeasons, addImmunization } from './immunizations.ts';
import { addLabPanel } from './labs.ts';
import { addMedicationRequest } from './medications.ts';
import type { SeedPatient } from './patients.ts';
import type { SeedContext } from './seed-context.ts';

/**
 * María Hernández (50), Spanish-speaking caregiver of her father: hypertension,
 * prediabetes, caregiver stress, codeine intolerance. Lighter history.
 */
export function addMariaHistory(ctx: SeedContext, maria: SeedPatient): CoverageInfo {
  const coverage = addCoverage(ctx, { beneficiary: maria, subscriber: maria, relationship: 'self', payorId: INSURER_COMMERCIAL_ID, payorName: 'BluePeak Health Plan', kind: 'commercial', memberId: 'BPK-70214455', start: `${addYears(ctx.anchor, -6).slice(0, 4)}-01-01`, copay: 30 });
  addAllergy(ctx, maria, { allergen: 'codeine', criticality: 'low', reactions: ['nausea'], severity: 'moderate', onset: addYears(maria.birthDate, 35), recordedDate: monthsAgo(ctx, 48), recorder: 'familyMedicine', note: 'Vomiting after codeine cough syrup. Not an allergy; avoid if possible.' });
  const htnDate = monthsAgo(ctx, 48);
  const htn = addCondition(ctx, maria, { condition: 'hypertension', category: 'problem-list-item', onset: htnDate, recorder: 'familyMedicine' });
  const prediabetes = addCondition(ctx, maria, { condition: 'prediabetes', category: 'problem-list-item', onset: monthsAgo(ctx, 36), recorder: 'familyMedicine' });
  const steps = [[48, 148, 94, 5.6], [36, 136, 86, 5.8], [24, 132, 84, 6.0], [14, 130, 82, 6.1], [2, 128, 80, 5.9]] as const;
  for (const [m, sys, dia, a1c] of steps) {
    const date = m === 48 ? htnDate : monthsAgo(ctx, m);
    const visit = addVisit(ctx, maria, {
      date, kind: 'annual', practitioner: 'familyMedicine', location: 'main', reasons: m >= 36 ? ['hypertension'] : ['hypertension', 'prediabetes', 'caregiverStress'],
      diagnosisIds: m > 36 ? [htn.id ?? ''] : [htn.id ?? '', prediabetes.id ?? ''],
      vitals: adultVitals(ctx, { systolic: sys, diastolic: dia, heartRate: 74, weightKg: 74, heightCm: 158, measureHeight: true }),
      note: {
        title: 'Annual physical (visit in Spanish)',
        subjective: `Visit done in Spanish. ${m <= 24 ? 'Cares for her father (heart failure, diabetes) most evenings; feels tired and sleeps 5-6 hours.' : 'Works full time at a bakery.'} No chest pain or headaches.`,
        exam: ['Normal exam.'],
        assessment: [m === 48 ? 'New high blood pressure.' : 'Blood pressure improving on amlodipine.', `Hemoglobin A1c ${a1c} %${a1c >= 5.7 ? ' (prediabetes range)' : ''}.`, ...(m <= 24 ? ['Caregiver stress.'] : [])],
        plan: [m === 48 ? 'Start amlodipine 5 mg daily.' : 'Continue amlodipine 5 mg daily.', 'Less salt; walk 30 minutes most days.', ...(m <= 24 ? ['Gave information on respite care and caregiver support group (in Spanish).'] : [])],
      },
    });
    addLabPanel(ctx, maria, { panel: 'a1c', date, orderedBy: 'familyMedicine', values: { a1c }, encounterId: visit.encounter.id, visit: visit.billable });
    if (m === 48 || m === 24 || m === 2) {
      addLabPanel(ctx, maria, { panel: 'cmp', date, orderedBy: 'familyMedicine', values: { creatinine: 0.74, egfr: 96 }, encounterId: visit.encounter.id, visit: visit.billable });
      addLabPanel(ctx, maria, { panel: 'lipid', date, orderedBy: 'familyMedicine', values: { ldl: 96 + ctx.rng.int(0, 10) }, encounterId: visit.encounter.id, visit: visit.billable });
    }
    if (m === 48) addMedicationRequest(ctx, maria, { medication: 'amlodipine5', sig: 'Tome 1 tableta por boca una vez al día (Take 1 tablet by mouth once a day)', dose: 1, perDay: 1, authoredOn: date, requester: 'familyMedicine', status: 'active', refills: 3, reasonConditionId: htn.id, encounterId: visit.encounter.id });
    if (m === 24) addCondition(ctx, maria, { condition: 'caregiverStress', category: 'problem-list-item', onset: date, encounterId: visit.encounter.id, recorder: 'familyMedicine' });
    if (m === 14) addImmunization(ctx, maria, { vaccine: 'zoster', date, location: 'main', doseNumber: 1, visit: visit.billable });
  }
  addImmunization(ctx, maria, { vaccine: 'zoster', date: addDays(monthsAgo(ctx, 14), 63), location: 'main', doseNumber: 2 });
  addFluSeasons(ctx, maria, 4, 'main');
  return coverage;
}
