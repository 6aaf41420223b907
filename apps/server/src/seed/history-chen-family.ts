import type { Observation } from '@medplum/fhirtypes';
import { addAllergy, addNoKnownAllergies } from './allergies.ts';
import { addCoverage, type CoverageInfo } from './billing.ts';
import { CLINIC_ID, CLINIC_NAME, INSURER_COMMERCIAL_ID } from './clinic.ts';
import { addCondition } from './conditions.ts';
import { addDays, addYears, atTime } from './dates.ts';
import { addVisit } from './encounters.ts';
import { adultVitals, atAge, childVitals, monthsAgo } from './history-helpers.ts';
import { addChildhoodSeries, addFluSeasons, addImmunization, addImmunizationNotDone, fluVaccineFor } from './immunizations.ts';
import { addLabPanel } from './labs.ts';
import { addMedicationRequest } from './medications.ts';
import type { SeedPatient } from './patients.ts';
import type { SeedContext } from './seed-context.ts';
import { concept, PROFILES, ref, SYSTEMS } from './fhir-helpers.ts';

const PLAN = { payorId: INSURER_COMMERCIAL_ID, payorName: 'BluePeak Health Plan', kind: 'commercial' as const, copay: 25 };

/**
 * David Chen (40), a healthy father: seasonal allergies, one bout of back pain, a declined
 * flu shot. Returns coverage for him and his children (family plan).
 */
export function addDavidHistory(ctx: SeedContext, david: SeedPatient, children: SeedPatient[]): Record<string, CoverageInfo> {
  const start = `${addYears(ctx.anchor, -10).slice(0, 4)}-01-01`;
  const coverages: Record<string, CoverageInfo> = { david: addCoverage(ctx, { ...PLAN, beneficiary: david, subscriber: david, relationship: 'self', memberId: 'BPK-55130092', start }) };
  children.forEach((child, i) => {
    coverages[child.key] = addCoverage(ctx, { ...PLAN, beneficiary: child, subscriber: david, relationship: 'child', memberId: `BPK-55130092-0${i + 2}`, start: child.birthDate > start ? child.birthDate : start });
  });
  addAllergy(ctx, david, { allergen: 'pollen', criticality: 'low', reactions: ['sneezing'], severity: 'mild', onset: addYears(david.birthDate, 12), recordedDate: monthsAgo(ctx, 60), recorder: 'familyMedicine' });
  const rhinitis = addCondition(ctx, david, { condition: 'allergicRhinitis', category: 'problem-list-item', onset: addYears(david.birthDate, 12), recorder: 'familyMedicine' });
  const v = (m: number): ReturnType<typeof adultVitals> => adultVitals(ctx, { systolic: 122, diastolic: 78, heartRate: 68, weightKg: 79 + m / 30, heightCm: 178, measureHeight: true });
  for (const [m, ldl] of [[60, 118], [36, 124], [12, 132]] as const) {
    const date = monthsAgo(ctx, m);
    const visit = addVisit(ctx, david, {
      date, kind: 'annual', practitioner: 'familyMedicine', location: 'main', reasons: ['allergicRhinitis'], diagnosisIds: [rhinitis.id ?? ''], vitals: v(m),
      note: { title: 'Annual physical', subjective: 'Feels well. Runs twice a week. Spring allergies controlled with cetirizine. No tobacco, 2-3 drinks a week.', exam: ['Normal exam.'], assessment: ['Healthy adult.', ldl > 129 ? `LDL ${ldl} mg/dL, mildly high.` : `LDL ${ldl} mg/dL.`], plan: ['Keep exercising; more fiber and less red meat.', 'Cetirizine during pollen season.'] },
    });
    addLabPanel(ctx, david, { panel: 'lipid', date, orderedBy: 'familyMedicine', values: { ldl, cholesterol: ldl + 70, hdl: 48 }, encounterId: visit.encounter.id, visit: visit.billable });
    addLabPanel(ctx, david, { panel: 'cmp', date, orderedBy: 'familyMedicine', values: { creatinine: 1.0, egfr: 96 }, encounterId: visit.encounter.id, visit: visit.billable });
    if (m === 60) {
      addMedicationRequest(ctx, david, { medication: 'cetirizine10', sig: 'Take 1 tablet by mouth once a day during allergy season', dose: 1, perDay: 1, authoredOn: date, requester: 'familyMedicine', status: 'active', refills: 5, reasonConditionId: rhinitis.id, encounterId: visit.encounter.id });
      addImmunization(ctx, david, { vaccine: 'tdap', date, location: 'main', visit: visit.billable });
    }
  }
  const backDate = monthsAgo(ctx, 42);
  const back = addVisit(ctx, david, {
    date: backDate, kind: 'acute', practitioner: 'familyMedicine', location: 'main', reasons: ['lowBackPain'], vitals: v(42),
    note: { title: 'Sick visit: low back pain', subjective: 'Low back pain for 4 days after moving furniture. No leg numbness or weakness, no bladder problems.', exam: ['Tender muscles right lower back. Straight leg raise negative. Strength and reflexes normal.'], assessment: ['Muscle strain of the low back.'], plan: ['Ibuprofen 600 mg with food up to 3 times a day for 10 days.', 'Keep moving; heat. Return if leg weakness or numbness.'] },
  });
  const backPain = addCondition(ctx, david, { condition: 'lowBackPain', category: 'encounter-diagnosis', onset: addDays(backDate, -4), abatement: addDays(backDate, 21), encounterId: back.encounter.id, recorder: 'familyMedicine' });
  back.encounter.diagnosis = [{ condition: { reference: `Condition/${backPain.id}` }, rank: 1 }];
  addMedicationRequest(ctx, david, { medication: 'ibuprofen600', sig: 'Take 1 tablet by mouth every 8 hours as needed for pain, with food', dose: 1, perDay: 3, asNeeded: 'Back pain', authoredOn: backDate, requester: 'familyMedicine', status: 'completed', courseDays: 10, refills: 0, reasonConditionId: backPain.id, encounterId: back.encounter.id });
  const uriDate = monthsAgo(ctx, 3);
  const uri = addVisit(ctx, david, {
    date: uriDate, kind: 'acute', practitioner: 'familyMedicine', location: 'main', reasons: ['uri'], vitals: { ...v(3), temperatureC: 37.6 },
    note: { title: 'Sick visit: cold', subjective: 'Stuffy nose, sore throat and cough for 3 days. Kids were sick last week.', exam: ['Nasal congestion, throat mildly red, lungs clear.'], assessment: ['Viral upper respiratory infection.'], plan: ['Rest, fluids, saline rinses. Should improve in 7-10 days.'] },
  });
  const cold = addCondition(ctx, david, { condition: 'uri', category: 'encounter-diagnosis', onset: addDays(uriDate, -3), abatement: addDays(uriDate, 8), encounterId: uri.encounter.id, recorder: 'familyMedicine' });
  uri.encounter.diagnosis = [{ condition: { reference: `Condition/${cold.id}` }, rank: 1 }];
  const declined = monthsAgo(ctx, 24);
  addImmunizationNotDone(ctx, david, fluVaccineFor(declined), declined, [SYSTEMS.actReason, 'PATOBJ', 'patient objection'], 'Declined flu shot this season; says he never gets the flu. Benefits reviewed.');
  addFluSeasons(ctx, david, 1, 'main');
  return coverages;
}

/**
 * Lily Chen (8): well-child visits, mild persistent asthma from age 5, an ear infection,
 * the full CDC childhood immunization series and no known allergies.
 */
export function addLilyHistory(ctx: SeedContext, lily: SeedPatient): void {
  addNoKnownAllergies(ctx, lily, atAge(lily, 3), 'pediatrics');
  addChildhoodSeries(ctx, lily, 9);
  const asthmaOnset = atAge(lily, 5.2);
  let asthmaId = '';
  for (let age = 3; age <= 8; age++) {
    const date = atAge(lily, age, 12);
    addVisit(ctx, lily, {
      date, kind: 'well-child', practitioner: 'pediatrics', location: 'westside', reasons: asthmaId ? ['asthma'] : [], diagnosisIds: asthmaId ? [asthmaId] : [],
      vitals: childVitals(ctx, lily, date),
      note: { title: `${age}-year well-child visit`, subjective: `Here with dad. Eating well, sleeping 10 hours. ${age >= 5 ? 'Doing well in school, likes reading and soccer.' : 'Talks in full sentences, plays well with others.'}${asthmaId ? ' Uses controller inhaler every day; rescue inhaler about once a month.' : ''}`, exam: ['Growing along her curve.', 'Normal exam. Lungs clear.'], assessment: ['Healthy child, normal growth and development.', ...(asthmaId ? ['Asthma well controlled.'] : [])], plan: ['Vaccines up to date per schedule.', 'Dental visits every 6 months. Helmet for biking.', ...(asthmaId ? ['Asthma action plan reviewed and updated.'] : [])] },
    });
    if (age === 5) {
      const asthma = addCondition(ctx, lily, { condition: 'asthma', category: 'problem-list-item', onset: asthmaOnset, recorder: 'pediatrics', note: 'Cough at night and wheezing with colds and running.' });
      asthmaId = asthma.id ?? '';
    }
  }
  const otitisDate = atAge(lily, 4.4, 3);
  const ear = addVisit(ctx, lily, {
    date: otitisDate, kind: 'acute', practitioner: 'pediatrics', location: 'westside', reasons: ['otitisMedia'], vitals: childVitals(ctx, lily, otitisDate, true),
    note: { title: 'Sick visit: ear pain', subjective: 'Right ear pain and fever since last night, after a cold. Dad gave ibuprofen.', exam: ['Right eardrum red and bulging. Left normal.'], assessment: ['Right acute otitis media.'], plan: ['Watchful waiting for 48 hours with pain medicine; call if not better (no penicillin allergy).'] },
  });
  const otitis = addCondition(ctx, lily, { condition: 'otitisMedia', category: 'encounter-diagnosis', onset: addDays(otitisDate, -1), abatement: addDays(otitisDate, 7), encounterId: ear.encounter.id, recorder: 'pediatrics' });
  ear.encounter.diagnosis = [{ condition: { reference: `Condition/${otitis.id}` }, rank: 1 }];
  for (const age of [5.25, 6.5, 7.5]) {
    const date = atAge(lily, age, 5);
    const visit = addVisit(ctx, lily, {
      date, kind: 'follow-up', practitioner: 'pediatrics', location: 'westside', reasons: ['asthma'], diagnosisIds: [asthmaId], vitals: childVitals(ctx, lily, date),
      note: { title: 'Asthma follow-up', subjective: age === 5.25 ? 'Night cough 3 times a week and wheezing at soccer. Using albuterol 3-4 times a week.' : 'Doing better. Rescue inhaler about twice a month. No night waking.', exam: [age === 5.25 ? 'Mild end-expiratory wheeze.' : 'Lungs clear.'], assessment: [age === 5.25 ? 'Mild persistent asthma, not controlled.' : 'Mild persistent asthma, well controlled.'], plan: age === 5.25 ? ['Start fluticasone 44 mcg 2 puffs twice a day with spacer.', 'Albuterol 2 puffs every 4 hours as needed.', 'Written asthma action plan given.'] : ['Continue fluticasone and albuterol as needed.', 'Flu shot every fall.'] },
    });
    if (age === 5.25) {
      addMedicationRequest(ctx, lily, { medication: 'albuterolInhaler', sig: 'Inhale 2 puffs by mouth with spacer every 4 hours as needed for cough or wheeze', dose: 2, perDay: 0, asNeeded: 'Wheezing or cough', authoredOn: date, requester: 'pediatrics', status: 'active', refills: 5, reasonConditionId: asthmaId, encounterId: visit.encounter.id, dispense: { value: 2, unit: 'inhalers' } });
      addMedicationRequest(ctx, lily, { medication: 'fluticasoneInhaler', sig: 'Inhale 2 puffs by mouth with spacer twice a day; rinse mouth after', dose: 2, perDay: 2, authoredOn: date, requester: 'pediatrics', status: 'active', refills: 5, reasonConditionId: asthmaId, encounterId: visit.encounter.id, dispense: { value: 1, unit: 'inhaler' } });
    }
    // A blood count when she seemed tired at the last asthma check (normal): results a parent sees.
    if (age === 7.5) addLabPanel(ctx, lily, { panel: 'cbc', date, orderedBy: 'pediatrics', encounterId: visit.encounter.id, visit: visit.billable, values: { hemoglobin: 12.6, rbc: 4.5, hematocrit: 38 } });
  }
}

/**
 * Ethan Chen (15): ADHD on methylphenidate since age 9, strep throat, acne, yearly sports
 * physicals, adolescent vaccines (Tdap, HPV, MenACWY).
 */
export function addEthanHistory(ctx: SeedContext, ethan: SeedPatient): void {
  addAllergy(ctx, ethan, { allergen: 'pollen', criticality: 'low', reactions: ['sneezing'], severity: 'mild', onset: atAge(ethan, 7), recordedDate: atAge(ethan, 9), recorder: 'pediatrics' });
  addChildhoodSeries(ctx, ethan, 5);
  const adhdDate = atAge(ethan, 9.2, 4);
  const adhd = addCondition(ctx, ethan, { condition: 'adhd', category: 'problem-list-item', onset: adhdDate, recorder: 'pediatrics', note: 'Vanderbilt scales from parent and teacher positive for combined type.' });
  const first = addVisit(ctx, ethan, {
    date: adhdDate, kind: 'consult', practitioner: 'pediatrics', location: 'westside', reasons: ['adhd'], diagnosisIds: [adhd.id ?? ''], vitals: childVitals(ctx, ethan, adhdDate),
    note: { title: 'ADHD evaluation', subjective: 'Teacher reports trouble finishing work, calling out, losing things. Problems at home and school for over a year. Sleeps well.', exam: ['Fidgety but cooperative. Normal heart exam.'], assessment: ['ADHD, combined type.'], plan: ['Start methylphenidate ER 36 mg every morning.', 'School 504 plan letter given. Recheck in 1 month.'] },
  });
  addMedicationRequest(ctx, ethan, { medication: 'methylphenidateEr36', sig: 'Take 1 tablet by mouth every morning. Swallow whole.', dose: 1, perDay: 1, authoredOn: adhdDate, requester: 'pediatrics', status: 'stopped', statusReason: 'Prescription renewed', refills: 0, courseDays: 30, reasonConditionId: adhd.id, encounterId: first.encounter.id });
  for (let age = 10; age <= 15; age++) {
    const date = atAge(ethan, age, 20);
    const visit = addVisit(ctx, ethan, {
      date, kind: 'well-child', practitioner: 'pediatrics', location: 'westside', reasons: ['adhd'], diagnosisIds: [adhd.id ?? ''], vitals: childVitals(ctx, ethan, date),
      note: { title: age >= 12 ? 'Well visit and sports physical' : 'Well-child visit', subjective: `Plays ${age >= 12 ? 'basketball on the school team' : 'soccer'}. ADHD medicine helps with school; appetite a little lower at lunch. No chest pain or fainting with exercise.`, exam: ['Normal exam. No heart murmur.', ...(age >= 14 ? ['Mild acne on forehead and cheeks.'] : [])], assessment: ['Healthy adolescent, cleared for sports.', 'ADHD, stable on methylphenidate.'], plan: ['Continue methylphenidate ER 36 mg.', age === 11 ? 'Tdap, MenACWY and first HPV vaccine today.' : 'Vaccines up to date.'] },
    });
    if (age === 11) {
      addImmunization(ctx, ethan, { vaccine: 'tdap', date, location: 'westside', doseNumber: 1, visit: visit.billable });
      addImmunization(ctx, ethan, { vaccine: 'menACWY', date, location: 'westside', doseNumber: 1, visit: visit.billable });
      addImmunization(ctx, ethan, { vaccine: 'hpv9', date, location: 'westside', doseNumber: 1, visit: visit.billable });
      addImmunization(ctx, ethan, { vaccine: 'hpv9', date: atAge(ethan, 11.6, 2), location: 'westside', doseNumber: 2 });
    }
    if (age === 14) addCondition(ctx, ethan, { condition: 'acne', category: 'problem-list-item', onset: date, encounterId: visit.encounter.id, recorder: 'pediatrics', note: 'Over-the-counter benzoyl peroxide 5% wash twice a day.' });
    if (age === 15) addMedicationRequest(ctx, ethan, { medication: 'methylphenidateEr36', sig: 'Take 1 tablet by mouth every morning. Swallow whole.', dose: 1, perDay: 1, authoredOn: date, requester: 'pediatrics', status: 'active', refills: 0, courseDays: 30, reasonConditionId: adhd.id, encounterId: visit.encounter.id });
    if (age === 12) addLabPanel(ctx, ethan, { panel: 'cbc', date, orderedBy: 'pediatrics', encounterId: visit.encounter.id, visit: visit.billable, values: { hemoglobin: 14.1, rbc: 4.8, hematocrit: 42 } });
  }
  const strepDate = atAge(ethan, 12.4, 9);
  const strep = addVisit(ctx, ethan, {
    date: strepDate, kind: 'acute', practitioner: 'pediatrics', location: 'westside', reasons: ['strepThroat'], vitals: childVitals(ctx, ethan, strepDate, true),
    note: { title: 'Sick visit: sore throat', subjective: 'Sore throat and fever for 2 days, no cough. Classmate had strep.', exam: ['Red swollen tonsils with white patches, tender neck glands.', 'Rapid strep test positive.'], assessment: ['Strep throat.'], plan: ['Amoxicillin for 10 days (no penicillin allergy).', 'Back to school after 12 hours of antibiotic and no fever.'] },
  });
  const strepDx = addCondition(ctx, ethan, { condition: 'strepThroat', category: 'encounter-diagnosis', onset: addDays(strepDate, -2), abatement: addDays(strepDate, 10), encounterId: strep.encounter.id, recorder: 'pediatrics' });
  strep.encounter.diagnosis = [{ condition: { reference: `Condition/${strepDx.id}` }, rank: 1 }];
  addMedicationRequest(ctx, ethan, { medication: 'amoxicillin500', sig: 'Take 1 capsule by mouth twice a day for 10 days. Finish all of it.', dose: 1, perDay: 2, authoredOn: strepDate, requester: 'pediatrics', status: 'completed', courseDays: 10, refills: 0, reasonConditionId: strepDx.id, encounterId: strep.encounter.id });
  // A confidential adolescent test the clinician labelled restricted: Ethan sees it, his parents do
  // not (proxy rules, issue 7). Adolescent sexual health care is confidential in most US states.
  const confidentialDate = atAge(ethan, 15.2, 11);
  ctx.add<Observation>({
    resourceType: 'Observation', id: ctx.nextId(ethan.key, 'lab'),
    meta: { profile: [PROFILES.labObservation], security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' }] },
    status: 'final',
    category: [concept([SYSTEMS.obsCategory, 'laboratory', 'Laboratory'])],
    code: concept([SYSTEMS.loinc, '43304-5', 'Chlamydia trachomatis rRNA [Presence] in Specimen by NAA with probe detection'], 'Chlamydia test'),
    subject: ref('Patient', ethan.id, ethan.display),
    effectiveDateTime: atTime(confidentialDate, 10 * 60), issued: atTime(confidentialDate, 16 * 60),
    performer: [ref('Organization', CLINIC_ID, `${CLINIC_NAME} Laboratory`)],
    valueCodeableConcept: concept([SYSTEMS.snomed, '260385009', 'Negative'], 'Negative'),
  });
}
