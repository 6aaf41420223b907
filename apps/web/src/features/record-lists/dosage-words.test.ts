import { describe, expect, it } from 'vitest';
import type { DosageDetail } from '@ourchart/contracts';
import en from '../../i18n/en/records.json';
import es from '../../i18n/es/records.json';
import { describeDosage, doseInstructions } from './dosage-words.ts';

const timing = (t: Partial<NonNullable<DosageDetail['timing']>>): DosageDetail['timing'] => ({
  frequency: null, frequencyMax: null, period: null, periodMax: null, periodUnit: null, when: [], timeOfDay: [], duration: null, ...t,
});
const dosage = (d: Partial<DosageDetail>): DosageDetail => ({
  text: null, patientInstruction: null, dose: null, route: null, routeText: null, timing: null, asNeeded: false, asNeededFor: null, ...d,
});

const twiceDaily = dosage({ dose: { value: 1, high: null, unit: 'tablet' }, route: 'oral', timing: timing({ frequency: 2, period: 1, periodUnit: 'd' }) });

describe('dose instructions in plain words', () => {
  it('says a tablet schedule in English and Spanish', () => {
    expect(describeDosage(twiceDaily, en.dose, 'en')).toBe('Take 1 tablet by mouth twice a day');
    expect(describeDosage(twiceDaily, es.dose, 'es')).toBe('Tome 1 tableta por vía oral dos veces al día');
  });

  it('words plurals, meal times, clock times and course length', () => {
    const d = dosage({
      dose: { value: 2, high: null, unit: '{tbl}' }, route: 'oral',
      timing: timing({ frequency: 3, period: 1, periodUnit: 'd', when: ['C'], duration: { value: 10, unit: 'd' } }),
    });
    expect(describeDosage(d, en.dose, 'en')).toBe('Take 2 tablets by mouth 3 times a day with meals for 10 days');
    expect(describeDosage(d, es.dose, 'es')).toBe('Tome 2 tabletas por vía oral 3 veces al día con las comidas durante 10 días');
    const bedtime = dosage({ dose: { value: 0.5, high: null, unit: 'tablets' }, route: 'oral', timing: timing({ frequency: 1, period: 1, periodUnit: 'd', when: ['HS'] }) });
    expect(describeDosage(bedtime, en.dose, 'en')).toBe('Take 0.5 tablets by mouth once a day at bedtime');
    expect(describeDosage(bedtime, es.dose, 'es')).toBe('Tome 0,5 tabletas por vía oral una vez al día al acostarse');
    const clock = dosage({ dose: { value: 1, high: null, unit: 'capsule' }, timing: timing({ frequency: 2, period: 1, periodUnit: 'd', timeOfDay: ['08:00:00', '20:00:00'] }) });
    expect(describeDosage(clock, en.dose, 'en')).toBe('Take 1 capsule twice a day at 8:00 AM and 8:00 PM');
  });

  it('words intervals, ranges, injections and as-needed doses', () => {
    const inhaler = dosage({ dose: { value: 1, high: 2, unit: 'puff' }, route: 'inhaled', timing: timing({ frequency: 1, period: 4, periodMax: 6, periodUnit: 'h' }), asNeeded: true, asNeededFor: 'wheezing' });
    expect(describeDosage(inhaler, en.dose, 'en')).toBe('Inhale 1 to 2 puffs every 4 to 6 hours only when needed for wheezing');
    expect(describeDosage(inhaler, es.dose, 'es')).toBe('Inhale de 1 a 2 inhalaciones cada 4 a 6 horas solo cuando lo necesite para wheezing');
    const insulin = dosage({ dose: { value: 10, high: null, unit: 'U' }, route: 'subcutaneous', timing: timing({ frequency: 1, period: 1, periodUnit: 'wk' }) });
    expect(describeDosage(insulin, en.dose, 'en')).toBe('Inject 10 units under the skin once a week');
    expect(describeDosage(insulin, es.dose, 'es')).toBe('Inyecte 10 unidades debajo de la piel una vez a la semana');
    const epinephrine = dosage({ dose: { value: 1, high: null, unit: 'injection' }, route: 'intramuscular', asNeeded: true, asNeededFor: 'Severe allergic reaction' });
    expect(describeDosage(epinephrine, en.dose, 'en')).toBe('Give 1 injection into a muscle only when needed for severe allergic reaction');
    expect(describeDosage(epinephrine, es.dose, 'es')).toBe('Póngase 1 inyección en un músculo solo cuando lo necesite para severe allergic reaction');
    const unknownUnit = dosage({ dose: { value: 5, high: null, unit: 'mL' }, timing: timing({ frequency: 1, period: 8, periodUnit: 'h' }) });
    expect(describeDosage(unknownUnit, es.dose, 'es')).toBe('Tome 5 mL cada 8 horas');
  });

  it('falls back to the prescriber\'s text when there is no dose or schedule, and keeps text that says more', () => {
    const textOnly = dosage({ text: 'Take as needed.', asNeeded: true });
    expect(describeDosage(textOnly, en.dose, 'en')).toBeNull();
    expect(doseInstructions([textOnly], en.dose, 'en')).toEqual({ plain: [], written: ['Take as needed.'] });
    expect(doseInstructions([{ ...twiceDaily, text: 'Take 1 tablet by mouth twice a day.' }], en.dose, 'en')).toEqual({ plain: ['Take 1 tablet by mouth twice a day'], written: [] });
    expect(doseInstructions([{ ...twiceDaily, text: 'Take 1 tablet by mouth twice a day with meals' }], es.dose, 'es')).toEqual({
      plain: ['Tome 1 tableta por vía oral dos veces al día'], written: ['Take 1 tablet by mouth twice a day with meals'],
    });
  });
});
