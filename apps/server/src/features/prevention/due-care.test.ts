import { describe, expect, it } from 'vitest';
import type { CareItem } from '@ourchart/contracts';
import { addMonths, ageInMonths, dueCare, type HistoryEntry } from './due-care.ts';
import { SYSTEM } from './rule-types.ts';

const vax = (code: string, date: string): HistoryEntry => ({ system: SYSTEM.cvx, code, date });
const lab = (code: string, date: string): HistoryEntry => ({ system: SYSTEM.loinc, code, date });
const cptCode = (code: string, date: string): HistoryEntry => ({ system: SYSTEM.cpt, code, date });
const byId = (items: CareItem[]) => new Map(items.map((i) => [i.id, i]));

describe('dueCare: a child (2 years old)', () => {
  const birthDate = '2024-03-10';
  const today = '2026-03-20';
  // Complete infant series except the 4th DTaP, no hepatitis A second dose, no flu this season.
  const history = [
    vax('08', '2024-03-11'), vax('08', '2024-05-12'), vax('08', '2024-09-12'),
    ...['2024-05-12', '2024-07-12', '2024-09-12'].flatMap((d) => [vax('20', d), vax('48', d), vax('133', d), vax('10', d), vax('116', d)]),
    vax('48', '2025-03-15'), vax('133', '2025-03-15'), vax('03', '2025-03-15'), vax('21', '2025-03-15'), vax('83', '2025-03-15'),
    vax('150', '2025-10-01'), vax('150', '2024-10-10'),
  ];
  const items = byId(dueCare({ birthDate, sex: 'male', today, history }));

  it('marks a dose missed long past its age as overdue, with the dose count', () => {
    expect(items.get('dtap')).toMatchObject({ status: 'overdue', doneCount: 3, dosesNeeded: 5, dueDate: '2025-06-10', lastDone: '2024-09-12' });
    expect(items.get('hepa')).toMatchObject({ status: 'overdue', doneCount: 1, dueDate: '2025-09-10' });
  });

  it('calls completed series and next doses at a later age up to date', () => {
    expect(items.get('hepb')).toMatchObject({ status: 'up-to-date', doneCount: 3, dosesNeeded: 3 });
    expect(items.get('hib')?.status).toBe('up-to-date');
    expect(items.get('pcv')?.status).toBe('up-to-date');
    // The second MMR is due at 4 years: nothing to do now.
    expect(items.get('mmr')).toMatchObject({ status: 'up-to-date', dueDate: '2028-03-10' });
    expect(items.get('influenza')).toMatchObject({ status: 'up-to-date', lastDone: '2025-10-01', dueDate: '2026-08-01' });
  });

  it('leaves out rules for other ages (rotavirus after 8 months, adult screenings)', () => {
    expect(items.has('rotavirus')).toBe(false);
    expect(items.has('blood-pressure')).toBe(false);
    expect(items.has('tdap-teen')).toBe(false);
  });

  it('lists overdue first, then due, ask, up to date', () => {
    const rank = { overdue: 0, due: 1, ask: 2, 'up-to-date': 3 };
    const statuses = dueCare({ birthDate, sex: 'male', today, history: history.slice(3) }).map((i) => rank[i.status]);
    expect(statuses[0]).toBe(0);
    expect(new Set(statuses).size).toBeGreaterThanOrEqual(3);
    expect(statuses).toEqual([...statuses].sort((a, b) => a - b));
  });

  it('shows a catch-up dose as due, not overdue, once past the routine age', () => {
    const teen = byId(dueCare({ birthDate: '2010-01-01', sex: 'male', today, history: [] }));
    expect(teen.get('hepb')).toMatchObject({ status: 'due', doneCount: 0, dosesNeeded: 3 });
  });
});

describe('dueCare: a teen (15 years old)', () => {
  const birthDate = '2011-01-05';
  const today = '2026-11-22';
  const history = [vax('115', '2022-02-01'), vax('136', '2022-02-01'), vax('165', '2022-02-01'), lab('44261-6', '2026-06-01')];
  const items = byId(dueCare({ birthDate, sex: 'female', today, history }));

  it('sees the teen Tdap done, the second HPV dose overdue and the MenACWY booster not yet due', () => {
    expect(items.get('tdap-teen')?.status).toBe('up-to-date');
    expect(items.get('hpv')).toMatchObject({ status: 'overdue', doneCount: 1, dosesNeeded: 2 });
    expect(items.get('menacwy')).toMatchObject({ status: 'up-to-date', dueDate: '2027-01-05' });
  });

  it('needs three HPV doses when the first was at 15 or later', () => {
    const late = byId(dueCare({ birthDate, sex: 'female', today, history: [vax('165', '2026-02-01')] }));
    expect(late.get('hpv')).toMatchObject({ dosesNeeded: 3, doneCount: 1 });
  });

  it('counts a depression screening this year, and asks for COVID-19', () => {
    expect(items.get('depression-teen')).toMatchObject({ status: 'up-to-date', lastDone: '2026-06-01', dueDate: '2027-06-01' });
    expect(items.get('covid')?.status).toBe('ask');
    expect(items.get('influenza')?.status).toBe('due');
    expect(items.get('hiv')?.status).toBe('due');
    expect(items.has('cervical')).toBe(false);
  });
});

describe('dueCare: an adult woman (45)', () => {
  const birthDate = '1981-05-02';
  const today = '2026-11-22';
  const history = [
    vax('115', '2024-11-01'), vax('141', '2026-10-14'), vax('216', '2022-11-01'),
    lab('85354-9', '2026-10-01'), lab('4548-4', '2026-10-01'), lab('57698-3', '2025-11-01'),
    // A mammogram 3 years ago has lapsed; a FIT test last year has too (yearly).
    cptCode('77067', '2023-09-01'), lab('29771-3', '2025-10-01'),
    // Results are matched by code; a future-dated one does not count.
    lab('10524-7', '2027-01-01'),
  ];
  const items = byId(dueCare({ birthDate, sex: 'female', today, history }));

  it('shows lapsed screenings as overdue with the last date, and missing ones as due', () => {
    expect(items.get('breast')).toMatchObject({ status: 'overdue', lastDone: '2023-09-01', dueDate: '2025-09-01' });
    expect(items.get('colorectal')).toMatchObject({ status: 'overdue', lastDone: '2025-10-01', dueDate: '2026-10-01' });
    expect(items.get('cervical')).toMatchObject({ status: 'due', lastDone: null });
    expect(items.get('hepatitis-c')?.status).toBe('due');
  });

  it('counts recent checks and vaccines as up to date', () => {
    expect(items.get('blood-pressure')).toMatchObject({ status: 'up-to-date', dueDate: '2027-10-01' });
    expect(items.get('cholesterol')).toMatchObject({ status: 'up-to-date', dueDate: '2030-11-01' });
    expect(items.get('diabetes')?.status).toBe('up-to-date');
    expect(items.get('td-booster')).toMatchObject({ status: 'up-to-date', dueDate: '2034-11-01' });
    expect(items.get('influenza')?.status).toBe('up-to-date');
  });

  it('says ask for shared decisions, and gives no men-only or older-age items', () => {
    expect(items.get('hpv-adult')?.status).toBe('ask');
    expect(items.has('aaa')).toBe(false);
    expect(items.has('zoster')).toBe(false);
    expect(items.has('osteoporosis')).toBe(false);
    expect(items.get('hepb')?.status).toBe('due');
  });

  it('accepts a colonoscopy as 10 years of colorectal screening', () => {
    const after = byId(dueCare({ birthDate, sex: 'female', today, history: [...history, { system: SYSTEM.snomed, code: '73761001', date: '2020-03-03' }] }));
    expect(after.get('colorectal')).toMatchObject({ status: 'up-to-date', dueDate: '2030-03-03', lastDone: '2025-10-01' });
  });
});

describe('dueCare: a man (70)', () => {
  const birthDate = '1956-02-14';
  const today = '2026-11-22';
  const items = byId(dueCare({ birthDate, sex: 'male', today, history: [vax('187', '2025-01-10'), vax('9', '2012-05-05'), cptCode('45378', '2019-04-04')] }));

  it('finds the second shingles dose overdue and a lapsed tetanus booster', () => {
    expect(items.get('zoster')).toMatchObject({ status: 'overdue', doneCount: 1, dosesNeeded: 2, dueDate: '2025-03-10' });
    expect(items.get('td-booster')).toMatchObject({ status: 'overdue', lastDone: '2012-05-05', dueDate: '2022-05-05' });
    expect(items.get('pneumococcal')?.status).toBe('due');
  });

  it('asks about smoking-based screenings and leaves out women-only and younger items', () => {
    expect(items.get('aaa')?.status).toBe('ask');
    expect(items.get('lung')?.status).toBe('ask');
    expect(items.get('rsv-risk')?.status).toBe('ask');
    expect(items.has('rsv')).toBe(false);
    expect(items.get('colorectal')).toMatchObject({ status: 'up-to-date', dueDate: '2029-04-04' });
    for (const id of ['breast', 'cervical', 'osteoporosis', 'hiv', 'hpv-adult', 'hepb']) expect(items.has(id)).toBe(false);
  });

  it('offers the RSV vaccine to everyone from 75', () => {
    const older = byId(dueCare({ birthDate: '1950-01-01', sex: 'male', today, history: [] }));
    expect(older.get('rsv')?.status).toBe('due');
    expect(older.has('rsv-risk')).toBe(false);
  });
});

describe('date arithmetic', () => {
  it('counts whole months and clamps month ends', () => {
    expect(ageInMonths('2024-03-10', '2024-04-09')).toBe(0);
    expect(ageInMonths('2024-03-10', '2024-04-10')).toBe(1);
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-11-15', 14)).toBe('2027-01-15');
  });
  it('gives nothing for a birth date after today', () => {
    expect(dueCare({ birthDate: '2030-01-01', sex: 'female', today: '2026-01-01', history: [] })).toEqual([]);
  });
});
