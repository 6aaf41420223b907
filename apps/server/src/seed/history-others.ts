import { addAllergy, addNoKnownAllergies } from './allergies.ts';
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

const commercial = (ctx: SeedContext, p: SeedPatient, memberId: string): CoverageInfo =>
  addCoverage(ctx, { beneficiary: p, subscriber: p, relationship: 'self', payorId: INSURER_COMMERCIAL_ID, payorName: 'BluePeak Health Plan', kind: 'commercial', memberId, start: `${addYears(ctx.anchor, -5).slice(0, 4)}-01-01`, copay: 30 });

/**
 * Grace Okafor (62): hypothyroidism on levothyroxine and osteopenia; no known allergies.
 */
export function addGraceHistory(ctx: SeedContext, grace: SeedPatient): CoverageInfo {
  const coverage = commercial(ctx, grace, 'BPK-30988127');
  addNoKnownAllergies(ctx, grace, monthsAgo(ctx, 50), 'familyMedicine');
  const thyroid = addCondition(ctx, grace, { condition: 'hypothyroidism', category: 'problem-list-item', onset: addYears(ctx.anchor, -12), recorder: 'familyMedicine' });
  const bones = addCondition(ctx, grace, { condition: 'osteopenia', category: 'problem-list-item', onset: monthsAgo(ctx, 26), recorder: 'familyMedicine', note: 'DEXA T-score -1.6 at the hip.' });
  for (const [m, tsh] of [[50, 5.8], [38, 2.4], [26, 2.1], [14, 1.9], [3, 2.6]] as const) {
    const date = monthsAgo(ctx, m);
    const visit = addVisit(ctx, grace, {
      date, kind: 'annual', practitioner: 'familyMedicine', location: 'main', reasons: ['hypothyroidism'], diagnosisIds: m <= 26 ? [thyroid.id ?? '', bones.id ?? ''] : [thyroid.id ?? ''],
      vitals: adultVitals(ctx, { systolic: 124, diastolic: 76, heartRate: 66, weightKg: 70, heightCm: 163, measureHeight: true }),
      note: { title: 'Annual physical', subjective: m === 50 ? 'More tired and cold lately; missed some levothyroxine doses.' : 'Feels well. Takes thyroid pill every morning before breakfast. Walks daily.', exam: ['Normal exam. Thyroid not enlarged.'], assessment: [`TSH ${tsh} mIU/L${tsh > 4.5 ? ' (high: under-replaced)' : ' (in range)'}.`, ...(m <= 26 ? ['Osteopenia.'] : [])], plan: [m === 50 ? 'Take levothyroxine every day; recheck TSH in 8 weeks.' : 'Continue levothyroxine 75 mcg.', ...(m <= 26 ? ['Calcium from food, vitamin D, weight-bearing exercise. Repeat bone density in 2 years.'] : [])] },
    });
    addLabPanel(ctx, grace, { panel: 'tsh', date, orderedBy: 'familyMedicine', values: { tsh }, encounterId: visit.encounter.id, visit: visit.billable });
    if (m === 26 || m === 3) addLabPanel(ctx, grace, { panel: 'lipid', date, orderedBy: 'familyMedicine', encounterId: visit.encounter.id, visit: visit.billable });
    if (m === 50) addMedicationRequest(ctx, grace, { medication: 'levothyroxine75', sig: 'Take 1 tablet by mouth every morning on an empty stomach, 30 minutes before breakfast', dose: 1, perDay: 1, authoredOn: date, requester: 'familyMedicine', status: 'active', refills: 3, reasonConditionId: thyroid.id, encounterId: visit.encounter.id });
    if (m === 14) addImmunization(ctx, grace, { vaccine: 'zoster', date, location: 'main', doseNumber: 1, visit: visit.billable });
  }
  addFluSeasons(ctx, grace, 3, 'main');
  return coverage;
}

/**
 * Samuel Whitfield (29): generalized anxiety on sertraline, an ankle sprain, latex allergy.
 * Self-pay (no coverage), so no claims.
 */
export function addSamuelHistory(ctx: SeedContext, samuel: SeedPatient): void {
  addAllergy(ctx, samuel, { allergen: 'latex', criticality: 'low', reactions: ['contactDermatitis'], severity: 'mild', onset: addYears(samuel.birthDate, 20), recordedDate: monthsAgo(ctx, 30), recorder: 'familyMedicine' });
  const anxietyDate = monthsAgo(ctx, 30);
  const anxiety = addCondition(ctx, samuel, { condition: 'anxiety', category: 'problem-list-item', onset: anxietyDate, recorder: 'familyMedicine', note: 'GAD-7 score 14 at diagnosis.' });
  for (const [m, gad] of [[30, 14], [27, 9], [18, 6], [6, 4]] as const) {
    const date = m === 30 ? anxietyDate : monthsAgo(ctx, m);
    const visit = addVisit(ctx, samuel, {
      date, kind: 'follow-up', practitioner: 'familyMedicine', location: 'main', reasons: ['anxiety'], diagnosisIds: [anxiety.id ?? ''],
      vitals: adultVitals(ctx, { systolic: 118, diastolic: 74, heartRate: 76, weightKg: 81, heightCm: 183 }),
      note: { title: m === 30 ? 'Visit for worry and poor sleep' : 'Anxiety follow-up', subjective: m === 30 ? 'Constant worry about work for 8 months, trouble falling asleep, tense muscles. No thoughts of self-harm.' : 'Feeling calmer on sertraline. Seeing a counselor every 2 weeks.', exam: ['Alert, good eye contact, slightly anxious mood.'], assessment: [`Generalized anxiety disorder, GAD-7 ${gad}.`], plan: m === 30 ? ['Start sertraline 50 mg daily; side effects reviewed.', 'Referral to counseling (CBT). Crisis line 988 given.'] : ['Continue sertraline 50 mg daily and counseling.'] },
    });
    if (m === 30) addMedicationRequest(ctx, samuel, { medication: 'sertraline50', sig: 'Take 1 tablet by mouth once a day', dose: 1, perDay: 1, authoredOn: date, requester: 'familyMedicine', status: 'active', refills: 5, reasonConditionId: anxiety.id, encounterId: visit.encounter.id });
  }
  const sprainDate = monthsAgo(ctx, 10);
  const sprain = addVisit(ctx, samuel, {
    date: sprainDate, kind: 'acute', practitioner: 'familyMedicine', location: 'main', reasons: ['ankleSprain'],
    vitals: adultVitals(ctx, { systolic: 124, diastolic: 78, heartRate: 80, weightKg: 81, heightCm: 183 }),
    note: { title: 'Sick visit: ankle injury', subjective: 'Rolled left ankle playing basketball yesterday. Swelling, can walk with a limp.', exam: ['Swelling over outer left ankle, tender ligament. Bones not tender (Ottawa rules negative, no X-ray needed).'], assessment: ['Left ankle sprain, grade 1-2.'], plan: ['Rest, ice, compression, elevation. Ankle brace.', 'Ibuprofen 600 mg with food up to 3 times a day for 7 days.'] },
  });
  const sprainDx = addCondition(ctx, samuel, { condition: 'ankleSprain', category: 'encounter-diagnosis', onset: addDays(sprainDate, -1), abatement: addDays(sprainDate, 28), encounterId: sprain.encounter.id, recorder: 'familyMedicine' });
  sprain.encounter.diagnosis = [{ condition: { reference: `Condition/${sprainDx.id}` }, rank: 1 }];
  addMedicationRequest(ctx, samuel, { medication: 'ibuprofen600', sig: 'Take 1 tablet by mouth every 8 hours as needed for pain, with food', dose: 1, perDay: 3, asNeeded: 'Ankle pain', authoredOn: sprainDate, requester: 'familyMedicine', status: 'completed', courseDays: 7, refills: 0, reasonConditionId: sprainDx.id, encounterId: sprain.encounter.id });
}

/**
 * Priya Natarajan (34): migraine and iron deficiency anemia treated with iron (CBC trend).
 */
export function addPriyaHistory(ctx: SeedContext, priya: SeedPatient): CoverageInfo {
  const coverage = commercial(ctx, priya, 'BPK-41870063');
  addNoKnownAllergies(ctx, priya, monthsAgo(ctx, 40), 'familyMedicine');
  const migraine = addCondition(ctx, priya, { condition: 'migraine', category: 'problem-list-item', onset: addYears(priya.birthDate, 19), recorder: 'familyMedicine' });
  const anemiaDate = monthsAgo(ctx, 16);
  const anemia = addCondition(ctx, priya, { condition: 'ironDeficiencyAnemia', category: 'problem-list-item', onset: anemiaDate, abatement: monthsAgo(ctx, 7), recorder: 'familyMedicine', note: 'Heavy periods. Resolved with oral iron.' });
  const steps = [[40, 'annual', 12.6, 38], [16, 'acute', 9.8, 6], [13, 'follow-up', 11.4, 14], [7, 'follow-up', 12.8, 32]] as const;
  for (const [m, kind, hgb, ferritin] of steps) {
    const date = m === 16 ? anemiaDate : monthsAgo(ctx, m);
    const visit = addVisit(ctx, priya, {
      date, kind, practitioner: 'familyMedicine', location: 'main', reasons: m === 40 ? ['migraine'] : ['ironDeficiencyAnemia'], diagnosisIds: m === 40 ? [migraine.id ?? ''] : [anemia.id ?? ''],
      vitals: adultVitals(ctx, { systolic: 112, diastolic: 70, heartRate: m === 16 ? 96 : 72, weightKg: 60, heightCm: 160, measureHeight: kind === 'annual' }),
      note: { title: m === 16 ? 'Sick visit: tired and short of breath' : m === 40 ? 'Annual physical' : 'Anemia follow-up', subjective: m === 16 ? 'Tired for 2 months, short of breath on stairs, heavy periods.' : m === 40 ? 'Migraines about twice a month, ibuprofen works if taken early.' : 'More energy on iron. Some constipation.', exam: [m === 16 ? 'Pale. Fast heart rate, no murmur.' : 'Normal exam.'], assessment: [`Hemoglobin ${hgb} g/dL, ferritin ${ferritin} ng/mL.`], plan: m === 16 ? ['Start ferrous sulfate 325 mg every other day with vitamin C.', 'Gynecology referral for heavy periods. Recheck CBC in 3 months.'] : m === 40 ? ['Ibuprofen 400 mg at migraine onset; headache diary.'] : ['Continue iron for 3 more months, then stop.'] },
    });
    addLabPanel(ctx, priya, { panel: 'cbc', date, orderedBy: 'familyMedicine', values: { hemoglobin: hgb, hematocrit: Math.round(hgb * 3 * 10) / 10, mcv: hgb < 11 ? 74 : 86, rbc: hgb < 11 ? 3.9 : 4.5 }, encounterId: visit.encounter.id, visit: visit.billable });
    if (m !== 40) addLabPanel(ctx, priya, { panel: 'ferritin', date, orderedBy: 'familyMedicine', values: { ferritin }, encounterId: visit.encounter.id, visit: visit.billable });
    if (m === 40) addMedicationRequest(ctx, priya, { medication: 'ibuprofen400', sig: 'Take 1 tablet by mouth at the start of a migraine; may repeat in 6 hours. Max 3 tablets a day.', dose: 1, perDay: 0, asNeeded: 'Migraine', authoredOn: date, requester: 'familyMedicine', status: 'active', refills: 2, reasonConditionId: migraine.id, encounterId: visit.encounter.id, dispense: { value: 30, unit: 'tablets' } });
    if (m === 16) addMedicationRequest(ctx, priya, { medication: 'ferrousSulfate325', sig: 'Take 1 tablet by mouth every other day with orange juice', dose: 1, perDay: 1, authoredOn: date, requester: 'familyMedicine', status: 'completed', courseDays: 180, refills: 1, reasonConditionId: anemia.id, encounterId: visit.encounter.id });
  }
  addFluSeasons(ctx, priya, 2, 'main');
  return coverage;
}
