import { describe, expect, it } from 'vitest';
import { localNow, validateReading, type ReadingForm } from './validate-reading.ts';

const now = new Date('2026-11-22T12:00:00');
const form = (over: Partial<ReadingForm>): ReadingForm => ({ type: 'blood-pressure', systolic: '', diastolic: '', glucose: '', weight: '', unit: 'kg', when: '2026-11-22T11:30', ...over });

describe('validateReading', () => {
  it('accepts a blood pressure reading and sends the time as an instant', () => {
    const result = validateReading(form({ systolic: '128', diastolic: '82' }), now);
    expect(result).toEqual({ ok: true, reading: { type: 'blood-pressure', systolic: 128, diastolic: 82, effective: new Date('2026-11-22T11:30').toISOString() } });
  });

  it('names the range when a value is out of it, as the server does', () => {
    const result = validateReading(form({ systolic: '320', diastolic: 'abc' }), now);
    expect(result).toEqual({ ok: false, problems: { systolic: { key: 'range', field: 'systolic', min: 50, max: 300, unit: 'mmHg' }, diastolic: { key: 'number', field: 'diastolic' } } });
    expect(validateReading(form({ systolic: '90', diastolic: '95' }), now)).toMatchObject({ ok: false, problems: { diastolic: { key: 'order' } } });
  });

  it('checks weight by its unit, accepts a decimal comma, and refuses future times', () => {
    expect(validateReading(form({ type: 'weight', weight: '400', unit: 'kg' }), now)).toMatchObject({ ok: false, problems: { weight: { max: 350, unit: 'kg' } } });
    expect(validateReading(form({ type: 'weight', weight: '181,5', unit: 'lb' }), now)).toMatchObject({ ok: true, reading: { value: 181.5, unit: 'lb' } });
    expect(validateReading(form({ type: 'glucose', glucose: '110', when: '2026-11-22T13:30' }), now)).toMatchObject({ ok: false, problems: { when: { key: 'future' } } });
    expect(validateReading(form({ type: 'glucose', glucose: '110', when: '' }), now)).toMatchObject({ ok: false, problems: { when: { key: 'when' } } });
  });

  it('formats now for a datetime-local field', () => {
    expect(localNow(new Date(2026, 0, 5, 7, 3))).toBe('2026-01-05T07:03');
  });
});
