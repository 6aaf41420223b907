import { describe, expect, it } from 'vitest';
import { parseSearchRequest } from './search-request.ts';

const P = 'pat-1';
const parse = (type: string, query: string) => parseSearchRequest(type, [...new URLSearchParams(query)], P);
const codeOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (err) {
    return (err as { code?: string }).code;
  }
  return 'no error';
};

describe('parseSearchRequest', () => {
  it('splits filters from paging, includes and result parameters', () => {
    expect(parse('MedicationRequest', `patient=Patient/${P}&intent=order&_include=MedicationRequest:medication&_revinclude=Provenance:target&_count=5&_offset=10&_total=accurate&_format=json`)).toEqual({
      filters: [['patient', `Patient/${P}`], ['intent', 'order']],
      includes: [{ sourceType: 'MedicationRequest', param: 'medication' }],
      revincludes: [{ sourceType: 'Provenance', param: 'target' }],
      count: 5, offset: 10, countOnly: false,
    });
    expect(parse('CareTeam', '_include=CareTeam:participant:Practitioner').includes).toEqual([{ sourceType: 'CareTeam', param: 'participant', targetType: 'Practitioner' }]);
  });

  it('caps _count at 100 and treats _count=0 and _summary=count as count only', () => {
    expect(parse('Observation', '_count=5000').count).toBe(100);
    expect(parse('Observation', '').count).toBe(20);
    expect(parse('Observation', '_count=0').countOnly).toBe(true);
    expect(parse('Observation', '_summary=count').countOnly).toBe(true);
    expect(codeOf(() => parse('Observation', '_count=-1'))).toBe('INVALID_SEARCH');
    expect(codeOf(() => parse('Observation', '_count=ten'))).toBe('INVALID_SEARCH');
  });

  it('refuses chains, _has, :iterate, wildcards, includes of other types and non-reference parameters', () => {
    for (const q of ['subject.name=Ben', 'subject:Patient.name=Ben', '_has:Observation:patient:code=1', '_include:iterate=Observation:subject', '_include=*',
      '_include=Condition:subject', '_include=Observation:code', '_revinclude=Basic:subject', '_format=xml']) {
      expect(codeOf(() => parse('Observation', q)), q).toBe('FHIR_NOT_SUPPORTED');
    }
  });

  it('lets patient name only the token\'s patient', () => {
    for (const ok of [P, `Patient/${P}`, `https://example.org/fhir/Patient/${P}`]) expect(codeOf(() => parse('Observation', `patient=${ok}`)), ok).toBe('no error');
    for (const bad of ['pat-2', 'Patient/pat-2', `${P},pat-2`, `Group/${P}`]) expect(codeOf(() => parse('Observation', `patient=${bad}`)), bad).toBe('FORBIDDEN');
  });
});
