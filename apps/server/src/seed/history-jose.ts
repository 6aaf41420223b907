import { addAllergy } from './allergies.ts';
import { addCoverage, type CoverageInfo } from './billing.ts';
import { INSURER_MEDICARE_ID } from './clinic.ts';
import { addCondition } from './conditions.ts';
import { addDays, addYears } from './dates.ts';
import { addVisit } from './encounters.ts';
import { adultVitals, monthsAgo, trend } from './history-helpers.ts';
import { addFluSeasons, addImmunization } from './immunizations.ts';
import { addLabPanel } from './labs.ts';
import { addMedicationRequest, type MedicationSpec } from './medications.ts';
import type { SeedPatient } from './patients.ts';
import type { SeedContext } from './seed-context.ts';

type JoseStep = { months: number; creatinine: number; egfr: number; potassium: number; a1c?: number; sys: number; dia: number; weight: number; event?: string };

/** Primary-care checkups every 3-4 months: kidney function drifts from CKD 3a to 3b. */
const JOSE_PCP: JoseStep[] = [
  { months: 58, creatinine: 1.32, egfr: 54, potassium: 4.6, a1c: 7.6, sys: 142, dia: 80, weight: 84 },
  { months: 52, creatinine: 1.35, egfr: 52, potassium: 4.7, a1c: 7.9, sys: 138, dia: 78, weight: 84 },
  { months: 46, creatinine: 1.38, egfr: 51, potassium: 4.5, a1c: 7.7, sys: 136, dia: 76, weight: 85 },
  { months: 40, creatinine: 1.42, egfr: 49, potassium: 4.8, a1c: 8.2, sys: 134, dia: 74, weight: 86 },
  { months: 34, creatinine: 1.47, egfr: 47, potassium: 4.9, a1c: 7.8, sys: 132, dia: 74, weight: 87 },
  { months: 30, creatinine: 1.55, egfr: 44, potassium: 4.9, a1c: 7.6, sys: 130, dia: 72, weight: 86, event: 'metformin-stop' },
  { months: 20, creatinine: 1.62, egfr: 41, potassium: 6.4, a1c: 7.4, sys: 124, dia: 70, weight: 84, event: 'hyperkalemia' },
  { months: 14, creatinine: 1.6, egfr: 42, potassium: 4.9, a1c: 7.5, sys: 128, dia: 72, weight: 83 },
  { months: 8, creatinine: 1.66, egfr: 40, potassium: 4.8, a1c: 7.7, sys: 126, dia: 70, weight: 82, event: 'fall' },
  { months: 4, creatinine: 1.68, egfr: 39, potassium: 4.7, a1c: 7.4, sys: 128, dia: 72, weight: 82 },
  { months: 1, creatinine: 1.7, egfr: 39, potassium: 4.8, a1c: 7.5, sys: 126, dia: 70, weight: 81 },
];

/** Cardiology visits: [months ago, NT-proBNP, systolic, heart rate, what happened]. */
const CARDIOLOGY: [number, number, number, number, string][] = [
  [48, 640, 138, 104, 'New atrial fibrillation found on ECG at primary care. Start apixaban 5 mg twice a day and metoprolol succinate 50 mg daily.'],
  [42, 520, 134, 76, 'Rate controlled, no bleeding on apixaban.'],
  [36, 1850, 136, 82, 'Short of breath climbing stairs, ankle swelling. Echo: ejection fraction 35%. Heart failure with reduced ejection fraction. Start furosemide 40 mg daily; continue lisinopril and metoprolol.'],
  [30, 980, 130, 72, 'Breathing better, weight down 3 kg. Continue.'],
  [26, 760, 128, 70, 'Add spironolactone 25 mg daily for heart failure; potassium check in 1 week and at next visit.'],
  [19, 820, 124, 68, 'Spironolactone stopped last month for potassium 6.4. Potassium back to normal. Do not restart.'],
  [12, 690, 126, 70, 'Stable. Walking 15 minutes a day with cane.'],
  [6, 710, 128, 72, 'Stable heart failure, no swelling. Reviewed fall precautions with apixaban.'],
  [2, 640, 126, 70, 'Stable. Continue all heart medicines. Next visit in 6 months.'],
];

/**
 * José Hernández (78), seen with his daughter: heart failure and atrial fibrillation followed
 * by cardiology, CKD stage 3, type 2 diabetes, knee osteoarthritis, a critical potassium,
 * a fall, and many medicines. Spanish-speaking; Medicare.
 */
export function addJoseHistory(ctx: SeedContext, jose: SeedPatient): CoverageInfo {
  const coverage = addCoverage(ctx, { beneficiary: jose, subscriber: jose, relationship: 'self', payorId: INSURER_MEDICARE_ID, payorName: 'Medicare (Centers for Medicare & Medicaid Services)', kind: 'medicare', memberId: '1EG4-TE5-MK73', start: addYears(jose.birthDate, 65), copay: 0 });
  const pcp = 'familyMedicine' as const;
  addAllergy(ctx, jose, { allergen: 'sulfonamide', criticality: 'low', reactions: ['rash'], severity: 'moderate', onset: addYears(jose.birthDate, 60), recordedDate: monthsAgo(ctx, 60), recorder: pcp, note: 'Itchy rash after trimethoprim-sulfamethoxazole.' });
  const cond = (condition: Parameters<typeof addCondition>[2]['condition'], onset: string, extra: Partial<Parameters<typeof addCondition>[2]> = {}): string =>
    addCondition(ctx, jose, { condition, category: 'problem-list-item', onset, recorder: pcp, ...extra }).id ?? '';
  const diabetes = cond('diabetes2Ckd', addYears(ctx.anchor, -15));
  const htn = cond('hypertension', addYears(ctx.anchor, -20));
  const ckd = cond('ckd3', addYears(ctx.anchor, -6), { note: 'Diabetic and hypertensive kidney disease. eGFR 54 falling to about 39 over five years.' });
  const oa = cond('kneeOsteoarthritis', addYears(ctx.anchor, -10));
  const afibDate = monthsAgo(ctx, 48);
  const afib = cond('atrialFibrillation', afibDate, { recorder: 'cardiology' });
  const hfDate = monthsAgo(ctx, 36);
  const hf = cond('heartFailure', hfDate, { recorder: 'cardiology', note: 'Echo ejection fraction 35%.' });
  const med = (spec: Omit<MedicationSpec, 'requester' | 'refills'> & Partial<Pick<MedicationSpec, 'requester' | 'refills'>>): void => {
    addMedicationRequest(ctx, jose, { requester: pcp, refills: 3, ...spec });
  };
  const start = monthsAgo(ctx, 60);
  med({ medication: 'metformin500', sig: 'Take 1 tablet by mouth twice a day with meals', dose: 1, perDay: 2, authoredOn: start, status: 'stopped', statusReason: 'Stopped because kidney function fell (eGFR below 45)', reasonConditionId: diabetes });
  med({ medication: 'lisinopril10', sig: 'Take 1 tablet by mouth once a day', dose: 1, perDay: 1, authoredOn: start, status: 'active', reasonConditionId: htn });
  med({ medication: 'atorvastatin40', sig: 'Take 1 tablet by mouth at bedtime', dose: 1, perDay: 1, authoredOn: start, status: 'active', reasonConditionId: diabetes });
  med({ medication: 'acetaminophen500', sig: 'Take 2 tablets by mouth every 8 hours as needed for knee pain. No more than 6 tablets a day.', dose: 2, perDay: 3, asNeeded: 'Knee pain', authoredOn: start, status: 'active', reasonConditionId: oa });
  med({ medication: 'insulinGlargine', sig: 'Inject 12 units under the skin at bedtime', dose: 12, perDay: 1, authoredOn: monthsAgo(ctx, 40), status: 'active', reasonConditionId: diabetes, dispense: { value: 5, unit: 'pens (3 mL each)' } });
  let previousEgfr: number | undefined;
  for (const step of JOSE_PCP) {
    const date = monthsAgo(ctx, step.months);
    const fall = step.event === 'fall';
    const visit = addVisit(ctx, jose, {
      date, kind: fall ? 'acute' : 'follow-up', practitioner: pcp, location: 'main',
      reasons: fall ? ['fall', 'hipContusion'] : ['diabetes2Ckd', 'ckd3', 'hypertension'],
      diagnosisIds: fall ? [] : [diabetes, ckd, htn],
      vitals: adultVitals(ctx, { systolic: step.sys, diastolic: step.dia, heartRate: 70, weightKg: step.weight, heightCm: 170, spo2: 95 }),
      note: {
        title: fall ? 'Sick visit: fall at home' : 'Chronic care visit (diabetes, kidneys, blood pressure)',
        subjective: fall
          ? 'Seen with daughter María (visit in Spanish). Slipped on a rug going to the bathroom at night yesterday, landed on right hip. Did not hit head. Walking with pain. Takes apixaban.'
          : 'Seen with daughter María (visit in Spanish). Checks sugar every morning, 110-180. No low sugars. Knee pain worse in the cold; acetaminophen helps.',
        exam: fall ? ['Bruise over right hip, pain with movement but can bear weight. No head injury. Neuro normal.', 'Hip X-ray: no fracture.'] : ['Trace ankle swelling. Lungs clear. Irregularly irregular heart rhythm, rate controlled.', 'Feet: reduced sensation both feet, no sores.'],
        assessment: [trend('eGFR', step.egfr, previousEgfr, ' mL/min/1.73 m2'), `Potassium ${step.potassium} mmol/L${step.potassium > 6.2 ? ' - CRITICAL, called to patient and cardiology same day' : ''}.`, `Hemoglobin A1c ${step.a1c} % (goal under 8 % at his age).`],
        plan: fall
          ? ['Physical therapy for balance and strength. Home safety: night lights, remove loose rugs, grab bars.', 'Continue apixaban (benefit outweighs fall risk); return for any head injury.']
          : step.event === 'metformin-stop' ? ['Stop metformin because kidney function is below 45. Start linagliptin 5 mg daily (safe for kidneys).']
          : step.event === 'hyperkalemia' ? ['Stop spironolactone today. Low-potassium diet handout (Spanish). Repeat potassium in 5 days.']
          : ['Continue current medicines. Kidney labs in 3-4 months.'],
      },
    });
    previousEgfr = step.egfr;
    const encounterId = visit.encounter.id ?? '';
    addLabPanel(ctx, jose, { panel: 'bmp', date, orderedBy: pcp, values: { creatinine: step.creatinine, egfr: step.egfr, potassium: step.potassium, glucose: 120 + ctx.rng.int(0, 60), bun: 28 + ctx.rng.int(0, 8), co2: 23 }, encounterId, visit: visit.billable });
    if (step.a1c) addLabPanel(ctx, jose, { panel: 'a1c', date, orderedBy: pcp, values: { a1c: step.a1c }, encounterId, visit: visit.billable });
    if ([58, 46, 34, 14, 4].includes(step.months)) {
      addLabPanel(ctx, jose, { panel: 'uacr', date, orderedBy: pcp, values: { uacr: 80 + step.months }, encounterId, visit: visit.billable });
      addLabPanel(ctx, jose, { panel: 'lipid', date, orderedBy: pcp, values: { ldl: 72 + ctx.rng.int(0, 12) }, encounterId, visit: visit.billable });
      addLabPanel(ctx, jose, { panel: 'cbc', date, orderedBy: pcp, values: { hemoglobin: 12.4, hematocrit: 38, rbc: 4.2 }, encounterId, visit: visit.billable });
    }
    if (step.event === 'metformin-stop') med({ medication: 'linagliptin5', sig: 'Take 1 tablet by mouth once a day', dose: 1, perDay: 1, authoredOn: date, status: 'active', reasonConditionId: diabetes, encounterId });
    if (step.event === 'hyperkalemia') {
      addCondition(ctx, jose, { condition: 'hyperkalemia', category: 'encounter-diagnosis', onset: date, abatement: addDays(date, 5), encounterId, recorder: pcp });
      addLabPanel(ctx, jose, { panel: 'bmp', date: addDays(date, 5), orderedBy: pcp, values: { creatinine: 1.58, egfr: 42, potassium: 5.0 }, conclusion: 'Potassium back in range after stopping spironolactone.' });
    }
    if (fall) {
      const fallId = addCondition(ctx, jose, { condition: 'fall', category: 'encounter-diagnosis', onset: addDays(date, -1), abatement: addDays(date, 30), encounterId, recorder: pcp }).id ?? '';
      const bruise = addCondition(ctx, jose, { condition: 'hipContusion', category: 'encounter-diagnosis', onset: addDays(date, -1), abatement: addDays(date, 21), encounterId, recorder: pcp }).id ?? '';
      visit.encounter.diagnosis = [fallId, bruise].map((id, i) => ({ condition: { reference: `Condition/${id}` }, rank: i + 1 }));
    }
    if (step.months === 40) addImmunization(ctx, jose, { vaccine: 'pcv20', date, location: 'main', visit: visit.billable });
  }
  for (const [months, bnp, sys, hr, summary] of CARDIOLOGY) {
    const date = months === 48 ? afibDate : months === 36 ? hfDate : monthsAgo(ctx, months);
    const visit = addVisit(ctx, jose, {
      date, kind: 'consult', practitioner: 'cardiology', location: 'westside', reasons: months > 36 ? ['atrialFibrillation'] : ['heartFailure', 'atrialFibrillation'],
      diagnosisIds: months > 36 ? [afib] : [hf, afib], format: 'text/html',
      vitals: adultVitals(ctx, { systolic: sys, diastolic: 72, heartRate: hr, weightKg: 84, heightCm: 170, spo2: 95 }),
      note: {
        title: 'Cardiology visit', subjective: `Seen with daughter María; Spanish interpreter present. ${summary}`,
        exam: ['Irregular rhythm. No murmur. Trace leg swelling.', `NT-proBNP ${bnp} pg/mL.`],
        assessment: months > 36 ? ['Atrial fibrillation, CHA2DS2-VASc 5 (age, hypertension, diabetes).'] : ['Heart failure with reduced ejection fraction (NYHA class II).', 'Atrial fibrillation, rate controlled on metoprolol, anticoagulated with apixaban.'],
        plan: [summary, 'Daily weights; call if up more than 1 kg in a day or 2 kg in a week.'],
      },
    });
    const encounterId = visit.encounter.id ?? '';
    addLabPanel(ctx, jose, { panel: 'ntprobnp', date, orderedBy: 'cardiology', values: { ntprobnp: bnp }, encounterId, visit: visit.billable });
    visit.billable.items.push({ cpt: '93000', display: 'Electrocardiogram, routine, with interpretation and report', charge: 65 });
    const cardio = { requester: 'cardiology' as const, encounterId };
    if (months === 48) {
      med({ ...cardio, medication: 'apixaban5', sig: 'Take 1 tablet by mouth twice a day', dose: 1, perDay: 2, authoredOn: date, status: 'active', reasonConditionId: afib });
      med({ ...cardio, medication: 'metoprololSuccinate50', sig: 'Take 1 tablet by mouth once a day. Do not crush.', dose: 1, perDay: 1, authoredOn: date, status: 'active', reasonConditionId: afib });
    }
    if (months === 36) med({ ...cardio, medication: 'furosemide40', sig: 'Take 1 tablet by mouth every morning', dose: 1, perDay: 1, authoredOn: date, status: 'active', reasonConditionId: hf });
    if (months === 26) med({ ...cardio, medication: 'spironolactone25', sig: 'Take 1 tablet by mouth once a day', dose: 1, perDay: 1, authoredOn: date, status: 'stopped', statusReason: 'Stopped because potassium was critically high (6.4 mmol/L)', reasonConditionId: hf });
  }
  addImmunization(ctx, jose, { vaccine: 'zoster', date: monthsAgo(ctx, 56), location: 'main', doseNumber: 1 });
  addImmunization(ctx, jose, { vaccine: 'zoster', date: monthsAgo(ctx, 53), location: 'main', doseNumber: 2 });
  addImmunization(ctx, jose, { vaccine: 'tdap', date: monthsAgo(ctx, 70), location: 'main' });
  addFluSeasons(ctx, jose, 5, 'main');
  return coverage;
}
