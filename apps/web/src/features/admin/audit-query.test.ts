import { describe, expect, it } from 'vitest';
import { auditQuery, checkFilters, defaultFilters, localDay } from './audit-query.ts';

const empty = { from: '', to: '', user: '', patientId: '', action: '' };

describe('auditQuery', () => {
  it('leaves out empty filters', () => {
    expect(auditQuery(empty)).toBe('');
  });
  it('sends every filter, trimmed, and csv when asked', () => {
    const query = auditQuery(
      { from: '2026-01-01', to: '2026-01-31', user: ' admin@ourchart.example ', patientId: ' p-1 ', action: 'break-glass' },
      'csv',
    );
    expect(Object.fromEntries(new URLSearchParams(query))).toEqual({
      from: '2026-01-01', to: '2026-01-31', userId: 'admin@ourchart.example', patientId: 'p-1', action: 'break-glass', format: 'csv',
    });
  });
});

describe('checkFilters', () => {
  it('refuses a From date after the To date', () => {
    expect(checkFilters({ ...empty, from: '2026-02-01', to: '2026-01-01' })).toBe('dateOrder');
  });
  it('refuses patient ids the server would refuse', () => {
    expect(checkFilters({ ...empty, patientId: 'not an id!' })).toBe('patientId');
  });
  it('accepts the same day twice and no dates at all', () => {
    expect(checkFilters({ ...empty, from: '2026-01-01', to: '2026-01-01' })).toBeNull();
    expect(checkFilters(empty)).toBeNull();
  });
});

describe('defaultFilters', () => {
  it('covers the last seven days up to today', () => {
    const filters = defaultFilters(new Date(2026, 2, 10, 15, 0));
    expect(filters.from).toBe('2026-03-04');
    expect(filters.to).toBe(localDay(new Date(2026, 2, 10)));
  });
});
