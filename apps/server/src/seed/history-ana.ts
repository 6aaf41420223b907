import type { CoverageInfo } from './billing.ts';
import { addCoverage } from './billing.ts';
import { INSURER_COMMERCIAL_ID } from './clinic.ts';
import { addAllergy } from './allergies.ts';
import { addCondition } from './conditions.ts';
import { addDays, addYears } from './dates.ts';
import { addVisit, type VisitKind } from './encounters.ts';
import { adultVitals, monthsAgo, trend } from './history-helpers.ts';
import { addImmunization, addFluSeasons } from './immunizations.ts';
import { addLabPanel, correctLabResult } from './labs.ts';
import { addMedicationRequest } from './medications.ts';
import type { SeedPatient } from './patients.ts';
import type { SeedContext } from './seed-context.ts';

type Step = {
  months: number; kind: VisitKind; a1c: number; sys: number; dia: number; weight: number;
  panels?: ('cmp' | 'lipid' | 'cbc' | 'uacr' | 'bmp')[]; ldl?: number; creatinine?: number; egfr?: number; uacr?: number;
  plan: string[]; subjective?: string;
};

/** Six years of type 2 diabetes care: prediabetes, diagnosis, titration, a bad year, recovery. */
const STEPS: Step[] = [
  { months: 72, kind: 'annual', a1c: 6.2, sys: 136, dia: 86, weight: 93, panels: ['cmp', 'lipid', 'cbc'], ldl: 158, creatinine: 0.72, egfr: 104, plan: ['Prediabetes: walk 30 minutes 5 days a week, cut sugary drinks, referral to diabetes prevention class.', 'Recheck A1c and blood pressure in 6 months.'] },
  { months: 66, kind: 'follow-up', a1c: 6.4, sys: 138, dia: 88, weight: 94, plan: ['Still in prediabetes range; continue lifestyle changes.', 'Home blood pressure log for 2 weeks.'] },
  { months: 60, kind: 'annual', a1c: 7.1, sys: 146, dia: 92, weight: 95, panels: ['cmp', 'lipid', 'uacr'], ldl: 162, creatinine: 0.75, egfr: 101, uacr: 12, plan: ['New type 2 diabetes: start metformin 500 mg twice a day with meals.', 'High blood pressure confirmed on home log: start lisinopril 10 mg daily.', 'High cholesterol: start atorvastatin 20 mg nightly.', 'Diabetes education visit and eye exam referral.'] },
  { months: 57, kind: 'follow-up', a1c: 6.9, sys: 134, dia: 84, weight: 92, panels: ['bmp'], creatinine: 0.76, egfr: 100, plan: ['Tolerating metformin; continue.', 'Potassium and kidney function normal on lisinopril.'] },
  { months: 51, kind: 'follow-up', a1c: 7.4, sys: 138, dia: 87, weight: 93, plan: ['Increase metformin to 1000 mg twice a day.', 'Increase lisinopril to 20 mg daily.'] },
  { months: 48, kind: 'annual', a1c: 7.0, sys: 130, dia: 82, weight: 91, panels: ['cmp', 'lipid', 'uacr', 'cbc'], ldl: 118, creatinine: 0.78, egfr: 98, uacr: 15, plan: ['Diabetes close to goal; continue current medicines.', 'Pneumococcal vaccine today (diabetes).'] },
  { months: 44, kind: 'follow-up', a1c: 6.8, sys: 128, dia: 80, weight: 90, plan: ['At goal. Keep going with diet and walking.'] },
  { months: 40, kind: 'follow-up', a1c: 7.2, sys: 132, dia: 82, weight: 91, plan: ['Holiday season weight gain; reviewed portion sizes.'] },
  { months: 36, kind: 'annual', a1c: 7.6, sys: 134, dia: 84, weight: 93, panels: ['cmp', 'lipid', 'uacr'], ldl: 112, creatinine: 0.8, egfr: 95, uacr: 21, plan: ['LDL above goal: increase atorvastatin to 40 mg.', 'A1c rising; discussed adding a second medicine if not better in 3 months.'] },
  { months: 32, kind: 'follow-up', a1c: 7.9, sys: 136, dia: 85, weight: 94, plan: ['Missed metformin doses during a family move; restart as prescribed.'] },
  { months: 28, kind: 'follow-up', a1c: 8.4, sys: 138, dia: 86, weight: 95, panels: ['bmp'], creatinine: 0.83, egfr: 91, plan: ['Add empagliflozin 10 mg every morning (also protects heart and kidneys).', 'Drink water; watch for genital yeast infection.'] },
  { months: 24, kind: 'annual', a1c: 7.8, sys: 130, dia: 81, weight: 92, panels: ['cmp', 'lipid', 'uacr', 'cbc'], ldl: 94, creatinine: 0.86, egfr: 86, uacr: 34, plan: ['Small amount of protein in urine: keep lisinopril, tighten blood pressure and sugar control.', 'Tdap booster today.'] },
  { months: 20, kind: 'follow-up', a1c: 7.3, sys: 128, dia: 79, weight: 90, plan: ['Improving on empagliflozin; continue.'] },
  { months: 16, kind: 'follow-up', a1c: 7.0, sys: 126, dia: 78, weight: 89, plan: ['Continue current plan.'] },
  { months: 12, kind: 'annual', a1c: 6.9, sys: 126, dia: 78, weight: 88, panels: ['cmp', 'lipid', 'uacr'], ldl: 86, creatinine: 0.9, egfr: 80, uacr: 26, plan: ['All goals met this year. Renew prescriptions for 1 year.', 'Renewed epinephrine auto-injector.'] },
  { months: 6, kind: 'follow-up', a1c: 7.2, sys: 130, dia: 80, weight: 89, plan: ['Slightly above goal; review meal timing.'] },
  { months: 1.2, kind: 'follow-up', a1c: 7.1, sys: 128, dia: 79, weight: 88, panels: ['bmp'], creatinine: 0.92, egfr: 78, plan: ['Continue metformin, empagliflozin, lisinopril, atorvastatin.', 'Next visit in 3 months with fasting labs.'] },
];

/**
 * Ana Brooks (45): type 2 diabetes, hypertension and hyperlipidemia over six years, with
 * penicillin and peanut allergies, one corrected potassium result and a balance due.
 */
export function addAnaHistory(ctx: SeedContext, ana: SeedPatient): CoverageInfo {
  const coverage = addCoverage(ctx, { beneficiary: ana, subscriber: ana, relationship: 'self', payorId: INSURER_COMMERCIAL_ID, payorName: 'BluePeak Health Plan', kind: 'commercial', memberId: 'BPK-88412071', start: addYears(ctx.anchor, -7).slice(0, 4) + '-01-01', copay: 30 });
  const first = monthsAgo(ctx, 72);
  addAllergy(ctx, ana, { allergen: 'penicillin', criticality: 'low', reactions: ['hives'], severity: 'moderate', onset: addYears(ana.birthDate, 9), recordedDate: first, recorder: 'familyMedicine', note: 'Hives all over after amoxicillin as a child. Avoid penicillins.' });
  addAllergy(ctx, ana, { allergen: 'peanut', criticality: 'high', reactions: ['anaphylaxis', 'throatSwelling'], severity: 'severe', onset: addYears(ana.birthDate, 4), recordedDate: first, recorder: 'familyMedicine', note: 'Carries epinephrine auto-injector. Emergency room visit at age 19.' });
  const obesity = addCondition(ctx, ana, { condition: 'obesity', category: 'problem-list-item', onset: addYears(first, -3), recorder: 'familyMedicine' });
  const prediabetesDate = first;
  const diagnosisDate = monthsAgo(ctx, 60);
  const prediabetes = addCondition(ctx, ana, { condition: 'prediabetes', category: 'problem-list-item', onset: prediabetesDate, abatement: diagnosisDate, recorder: 'familyMedicine', note: 'Progressed to type 2 diabetes.' });
  let diabetesId = '';
  let htnId = '';
  let lipidId = '';
  let previousA1c: number | undefined;
  for (const step of STEPS) {
    const date = step.months === 60 ? diagnosisDate : step.months === 72 ? first : monthsAgo(ctx, step.months);
    if (step.months === 60) {
      diabetesId = addCondition(ctx, ana, { condition: 'diabetes2', category: 'problem-list-item', onset: date, recorder: 'familyMedicine' }).id ?? '';
      htnId = addCondition(ctx, ana, { condition: 'hypertension', category: 'problem-list-item', onset: date, recorder: 'familyMedicine' }).id ?? '';
      lipidId = addCondition(ctx, ana, { condition: 'hyperlipidemia', category: 'problem-list-item', onset: date, recorder: 'familyMedicine' }).id ?? '';
    }
    const diagnosed = diabetesId !== '';
    const visit = addVisit(ctx, ana, {
      date, kind: step.kind, practitioner: 'familyMedicine', location: 'main',
      reasons: diagnosed ? ['diabetes2', 'hypertension', 'hyperlipidemia'] : ['prediabetes', 'obesity'],
      diagnosisIds: diagnosed ? [diabetesId, htnId, lipidId] : [prediabetes.id ?? '', obesity.id ?? ''],
      vitals: adultVitals(ctx, { systolic: step.sys, diastolic: step.dia, heartRate: 78, weightKg: step.weight, heightCm: 165, measureHeight: step.kind === 'annual' }),
      format: step.kind === 'annual' ? 'text/html' : 'text/plain',
      note: {
        title: step.kind === 'annual' ? 'Annual physical' : diagnosed ? 'Diabetes and blood pressure follow-up' : 'Prediabetes follow-up',
        subjective: step.subjective ?? (diagnosed
          ? 'Here for diabetes, blood pressure and cholesterol check. Checks sugar at home 3 times a week, fasting readings 120-160. No low sugars, chest pain, or vision changes. Walks most days.'
          : 'Here for checkup. Feels well. Family history of diabetes (mother). Drinks 2 sodas a day; trying to cut down.'),
        exam: ['Well-appearing, no distress.', 'Heart regular, lungs clear.', ...(diagnosed ? ['Feet: normal sensation to monofilament, no sores.'] : [])],
        assessment: [trend('Hemoglobin A1c', step.a1c, previousA1c, ' %'), diagnosed ? 'Type 2 diabetes, hypertension, hyperlipidemia.' : 'Prediabetes with obesity and elevated blood pressure.'],
        plan: step.plan,
      },
    });
    previousA1c = step.a1c;
    const encounterId = visit.encounter.id ?? '';
    addLabPanel(ctx, ana, { panel: 'a1c', date, orderedBy: 'familyMedicine', values: { a1c: step.a1c }, encounterId, visit: visit.billable });
    for (const panel of step.panels ?? []) {
      const values = { ldl: step.ldl, creatinine: step.creatinine, egfr: step.egfr, uacr: step.uacr, glucose: Math.round(step.a1c * 22), cholesterol: step.ldl ? step.ldl + 75 : undefined, triglycerides: step.ldl ? 150 + ctx.rng.int(0, 60) : undefined, hdl: 44 };
      const result = addLabPanel(ctx, ana, { panel, date, orderedBy: 'familyMedicine', values: step.months === 24 && panel === 'cmp' ? { ...values, potassium: 5.9 } : values, encounterId, visit: visit.billable });
      if (step.months === 24 && panel === 'cmp') {
        correctLabResult(ctx, ana, { result, test: 'potassium', correctedValue: 4.6, daysLater: 2, note: 'Potassium corrected from 5.9 to 4.6 mmol/L. The first value was typed in by hand and was wrong; the analyzer printout shows 4.6 mmol/L. Other results are unchanged.' });
      }
    }
    if (step.months === 60) {
      addMedicationRequest(ctx, ana, { medication: 'metformin500', sig: 'Take 1 tablet by mouth twice a day with meals', dose: 1, perDay: 2, authoredOn: date, requester: 'familyMedicine', status: 'stopped', statusReason: 'Dose increased to 1000 mg', refills: 3, reasonConditionId: diabetesId, encounterId });
      addMedicationRequest(ctx, ana, { medication: 'lisinopril10', sig: 'Take 1 tablet by mouth once a day', dose: 1, perDay: 1, authoredOn: date, requester: 'familyMedicine', status: 'stopped', statusReason: 'Dose increased to 20 mg', refills: 3, reasonConditionId: htnId, encounterId });
      addMedicationRequest(ctx, ana, { medication: 'atorvastatin20', sig: 'Take 1 tablet by mouth at bedtime', dose: 1, perDay: 1, authoredOn: date, requester: 'familyMedicine', status: 'stopped', statusReason: 'Dose increased to 40 mg', refills: 3, reasonConditionId: lipidId, encounterId });
    }
    if (step.months === 51) {
      addMedicationRequest(ctx, ana, { medication: 'metformin1000', sig: 'Take 1 tablet by mouth twice a day with meals', dose: 1, perDay: 2, authoredOn: date, requester: 'familyMedicine', status: 'active', refills: 3, reasonConditionId: diabetesId, encounterId });
      addMedicationRequest(ctx, ana, { medication: 'lisinopril20', sig: 'Take 1 tablet by mouth once a day', dose: 1, perDay: 1, authoredOn: date, requester: 'familyMedicine', status: 'active', refills: 3, reasonConditionId: htnId, encounterId });
    }
    if (step.months === 48) addImmunization(ctx, ana, { vaccine: 'pcv20', date, location: 'main', visit: visit.billable });
    if (step.months === 36) addMedicationRequest(ctx, ana, { medication: 'atorvastatin40', sig: 'Take 1 tablet by mouth at bedtime', dose: 1, perDay: 1, authoredOn: date, requester: 'familyMedicine', status: 'active', refills: 3, reasonConditionId: lipidId, encounterId });
    if (step.months === 28) addMedicationRequest(ctx, ana, { medication: 'empagliflozin10', sig: 'Take 1 tablet by mouth every morning', dose: 1, perDay: 1, authoredOn: date, requester: 'familyMedicine', status: 'active', refills: 3, reasonConditionId: diabetesId, encounterId });
    if (step.months === 24) addImmunization(ctx, ana, { vaccine: 'tdap', date, location: 'main', visit: visit.billable });
    if (step.months === 72 || step.months === 12) {
      addMedicationRequest(ctx, ana, { medication: 'epinephrineAutoInjector', sig: 'Inject 0.3 mg into the outer thigh once for a severe allergic reaction; call 911. May repeat once after 5 minutes.', dose: 1, perDay: 0, asNeeded: 'Severe allergic reaction', authoredOn: date, requester: 'familyMedicine', status: step.months === 12 ? 'active' : 'completed', refills: 1, courseDays: step.months === 12 ? undefined : 365, dispense: { value: 2, unit: 'auto-injectors' }, encounterId });
    }
  }
  const bronchitisDate = monthsAgo(ctx, 54);
  const bronchitisVisit = addVisit(ctx, ana, {
    date: bronchitisDate, kind: 'acute', practitioner: 'familyMedicine', location: 'main', reasons: ['acuteBronchitis'],
    vitals: adultVitals(ctx, { systolic: 132, diastolic: 84, heartRate: 92, weightKg: 93, heightCm: 165, temperatureC: 37.8 }),
    note: {
      title: 'Sick visit: cough', subjective: 'Cough for 9 days after a cold, some yellow mucus, low fever first 2 days. No shortness of breath. Allergic to penicillin.',
      exam: ['Mild wheeze at both bases, no crackles.', 'Throat mildly red, ears normal.'],
      assessment: ['Acute bronchitis, most likely viral.'], plan: ['No antibiotic needed. Honey, fluids, rest.', 'Come back if fever returns, short of breath, or cough lasts more than 3 weeks.'],
    },
  });
  const bronchitis = addCondition(ctx, ana, { condition: 'acuteBronchitis', category: 'encounter-diagnosis', onset: addDays(bronchitisDate, -9), abatement: addDays(bronchitisDate, 18), encounterId: bronchitisVisit.encounter.id, recorder: 'familyMedicine' });
  bronchitisVisit.encounter.diagnosis = [{ condition: { reference: `Condition/${bronchitis.id}` }, rank: 1 }];
  addFluSeasons(ctx, ana, 6, 'main');
  return coverage;
}
