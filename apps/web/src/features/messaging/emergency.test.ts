import { describe, expect, it } from 'vitest';
import { suggestsEmergency } from './emergency.ts';

describe('suggestsEmergency', () => {
  it('finds emergency words in English and Spanish, whatever the case, accents or apostrophe', () => {
    expect(suggestsEmergency('Question', 'I have CHEST PAIN since this morning')).toBe(true);
    expect(suggestsEmergency('I can’t breathe well')).toBe(true);
    expect(suggestsEmergency('I think about suicide')).toBe(true);
    expect(suggestsEmergency('Tengo dolor de pecho')).toBe(true);
    expect(suggestsEmergency('No puedo   respirar')).toBe(true);
    expect(suggestsEmergency('Creo que es una sobredosis')).toBe(true);
    expect(suggestsEmergency('Tuve una convulsión')).toBe(true);
    expect(suggestsEmergency('Her face drooping and slurred speech')).toBe(true);
  });

  it('stays quiet for everyday questions and for words that only contain an emergency word', () => {
    expect(suggestsEmergency('Refill please', 'I need a refill of my blood pressure pills.')).toBe(false);
    expect(suggestsEmergency('Pregunta', 'Necesito cambiar mi cita del martes.')).toBe(false);
    expect(suggestsEmergency('The keystroke logger on my computer')).toBe(false);
  });
});
