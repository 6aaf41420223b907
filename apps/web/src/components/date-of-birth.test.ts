import { describe, expect, it } from 'vitest';
import { toIsoDate } from './date-of-birth.ts';

const today = new Date(2026, 0, 15);

describe('toIsoDate', () => {
  it('pads day and month into YYYY-MM-DD', () => {
    expect(toIsoDate({ day: '4', month: '9', year: '1980' }, today)).toEqual({ value: '1980-09-04' });
    expect(toIsoDate({ day: ' 27 ', month: '04', year: '1980' }, today)).toEqual({ value: '1980-04-27' });
  });

  it('asks for the date when nothing was typed', () => {
    expect(toIsoDate({ day: '', month: ' ', year: '' }, today)).toEqual({ error: 'dateOfBirth.required' });
  });

  it('refuses dates that do not exist', () => {
    expect(toIsoDate({ day: '31', month: '4', year: '1980' }, today)).toEqual({ error: 'dateOfBirth.invalid' });
    expect(toIsoDate({ day: '29', month: '2', year: '1981' }, today)).toEqual({ error: 'dateOfBirth.invalid' });
    expect(toIsoDate({ day: '29', month: '2', year: '1980' }, today)).toEqual({ value: '1980-02-29' });
    expect(toIsoDate({ day: '1', month: '13', year: '1980' }, today)).toEqual({ error: 'dateOfBirth.invalid' });
    expect(toIsoDate({ day: 'x', month: '1', year: '1980' }, today)).toEqual({ error: 'dateOfBirth.invalid' });
    expect(toIsoDate({ day: '1', month: '1', year: '1850' }, today)).toEqual({ error: 'dateOfBirth.invalid' });
  });

  it('asks for a 4-digit year instead of guessing the century', () => {
    expect(toIsoDate({ day: '4', month: '9', year: '80' }, today)).toEqual({ error: 'dateOfBirth.yearFormat' });
  });

  it('refuses a date after today but accepts today', () => {
    expect(toIsoDate({ day: '16', month: '1', year: '2026' }, today)).toEqual({ error: 'dateOfBirth.future' });
    expect(toIsoDate({ day: '15', month: '1', year: '2026' }, today)).toEqual({ value: '2026-01-15' });
  });
});
