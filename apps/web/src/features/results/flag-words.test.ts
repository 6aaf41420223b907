import { describe, expect, it } from 'vitest';
import en from '../../i18n/en/results.json';
import es from '../../i18n/es/results.json';
import { flagLook, isOutOfRange, rangeShape, statusKey } from './flag-words.ts';

const FLAGS = ['normal', 'high', 'low', 'critical-high', 'critical-low', 'abnormal'] as const;

describe('flag words', () => {
  it('words every flag in English and Spanish, with a symbol so colour is never alone', () => {
    expect(FLAGS.map((f) => en.flags[flagLook(f).key])).toEqual(['Normal', 'High', 'Low', 'Critically high', 'Critically low', 'Not normal']);
    expect(FLAGS.map((f) => es.flags[flagLook(f).key])).toEqual(['Normal', 'Alto', 'Bajo', 'Muy alto (crítico)', 'Muy bajo (crítico)', 'No es normal']);
    for (const f of FLAGS) expect(flagLook(f).symbol).not.toBe('');
    expect(flagLook('critical-high')).toMatchObject({ tone: 'danger', symbol: '▲▲' });
    expect(en.flags[flagLook(null).key]).toBe('Not compared');
    expect(isOutOfRange('low')).toBe(true);
    expect(isOutOfRange('normal')).toBe(false);
    expect(isOutOfRange(null)).toBe(false);
  });

  it('words every result status, and unknown ones plainly', () => {
    expect(en.status[statusKey('preliminary')]).toBe('Preliminary: this may change');
    expect(en.status[statusKey('entered-in-error')]).toBe('Entered by mistake: do not use');
    expect(es.status[statusKey('corrected')]).toBe('Corregido');
    expect(statusKey('made-up')).toBe('unknown');
  });

  it('chooses the range wording from what the lab sent', () => {
    expect(rangeShape({ low: 70, high: 99, text: null })).toEqual({ key: 'rangeBetween', low: 70, high: 99 });
    expect(rangeShape({ low: null, high: 5.7, text: null })).toEqual({ key: 'rangeBelow', low: null, high: 5.7 });
    expect(rangeShape({ low: 60, high: null, text: null })).toEqual({ key: 'rangeAbove', low: 60, high: null });
    expect(rangeShape({ low: null, high: null, text: 'Negative' })).toEqual({ text: 'Negative' });
    expect(rangeShape(null)).toBeNull();
  });
});
