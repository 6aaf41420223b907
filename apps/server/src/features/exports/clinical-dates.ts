import type {
  AllergyIntolerance, CarePlan, Condition, DiagnosticReport, DocumentReference, Encounter, Goal, Immunization,
  MedicationRequest, Observation, Procedure, Resource,
} from '@medplum/fhirtypes';
import type { DateRange } from '@ourchart/contracts';

/**
 * Which resources belong to a date range (docs/health-record/download-and-share.md "Date rules").
 *
 * Events (results, vitals, reports, vaccines, visits, procedures, documents) belong to the range
 * when their clinical date falls in it. Ongoing things (problems, medicines, allergies, care plans,
 * goals) belong when they were active at any time in the range: they started on or before its
 * last day and had not ended before its first day. Something still active has no end. Days are
 * compared as written in the record (its own local date), so 23:30 on Dec 31 stays in December.
 */
type Span = { start: string | null; end: string | null };

const OPEN = '9999-12-31';
const day = (value: string | undefined | null): string | null => (value ? value.slice(0, 10) : null);

/** True when [start, end] overlaps the range; a missing start counts as "always", a missing end as "still going". */
export function overlaps(span: Span, range: DateRange): boolean {
  const start = span.start ?? '0000-01-01';
  const end = span.end ?? OPEN;
  return start <= range.to && end >= range.from;
}

/** A single clinical date inside the range; items without any date are left out of ranged exports. */
function on(date: string | null, range: DateRange): boolean {
  return date !== null && date >= range.from && date <= range.to;
}

export function observationDate(o: Observation): string | null {
  return day(o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.effectiveInstant ?? o.issued);
}

export function reportDate(r: DiagnosticReport): string | null {
  return day(r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued);
}

export function encounterSpan(e: Encounter): Span {
  const start = day(e.period?.start);
  return { start, end: day(e.period?.end) ?? start };
}

export function procedureSpan(p: Procedure): Span {
  const start = day(p.performedDateTime ?? p.performedPeriod?.start);
  return { start, end: day(p.performedPeriod?.end) ?? start };
}

export function immunizationDate(i: Immunization): string | null {
  return day(i.occurrenceDateTime ?? i.recorded);
}

export function documentDate(d: DocumentReference): string | null {
  return day(d.context?.period?.start ?? d.date);
}

const isActive = (code: string | undefined) => code === undefined || code === 'active' || code === 'recurrence' || code === 'relapse';

export function conditionSpan(c: Condition): Span {
  const start = day(c.onsetDateTime ?? c.onsetPeriod?.start ?? c.recordedDate);
  const status = c.clinicalStatus?.coding?.[0]?.code;
  const ended = day(c.abatementDateTime ?? c.abatementPeriod?.end ?? c.abatementPeriod?.start);
  // Resolved without an end date: we only know it was there when it was recorded.
  return { start, end: ended ?? (isActive(status) ? null : start) };
}

export function medicationSpan(m: MedicationRequest): Span {
  const bounds = m.dosageInstruction?.[0]?.timing?.repeat?.boundsPeriod;
  const start = day(bounds?.start ?? m.dispenseRequest?.validityPeriod?.start ?? m.authoredOn);
  const ended = day(bounds?.end ?? m.dispenseRequest?.validityPeriod?.end);
  const ongoing = m.status === 'active' || m.status === 'on-hold' || m.status === 'draft';
  return { start, end: ongoing ? null : (ended ?? start) };
}

export function allergySpan(a: AllergyIntolerance): Span {
  const start = day(a.onsetDateTime ?? a.onsetPeriod?.start ?? a.recordedDate);
  const status = a.clinicalStatus?.coding?.[0]?.code;
  return { start, end: status === undefined || status === 'active' ? null : (day(a.lastOccurrence) ?? start) };
}

export function carePlanSpan(c: CarePlan): Span {
  return { start: day(c.period?.start ?? c.created), end: c.status === 'active' ? null : (day(c.period?.end) ?? day(c.period?.start ?? c.created)) };
}

export function goalSpan(g: Goal): Span {
  const start = day(g.startDate ?? g.statusDate);
  const ongoing = ['proposed', 'planned', 'accepted', 'active', 'on-hold'].includes(g.lifecycleStatus);
  return { start, end: ongoing ? null : (day(g.statusDate) ?? start) };
}

/** Entered-in-error items are mistakes, not history: they never leave the portal. */
export function isMistake(r: Resource): boolean {
  const status = (r as { status?: string }).status;
  const verification = (r as Condition).verificationStatus?.coding?.[0]?.code;
  return status === 'entered-in-error' || verification === 'entered-in-error';
}

/** Whether one resource belongs to the range, by its type's rule above. */
export function inRange(r: Resource, range: DateRange): boolean {
  if (isMistake(r)) return false;
  switch (r.resourceType) {
    case 'Observation': return on(observationDate(r), range);
    case 'DiagnosticReport': return on(reportDate(r), range);
    case 'Immunization': return on(immunizationDate(r), range);
    case 'DocumentReference': return on(documentDate(r), range);
    case 'Encounter': return encounterSpan(r).start !== null && overlaps(encounterSpan(r), range);
    case 'Procedure': return procedureSpan(r).start !== null && overlaps(procedureSpan(r), range);
    case 'Condition': return overlaps(conditionSpan(r), range);
    case 'MedicationRequest': return overlaps(medicationSpan(r), range);
    case 'AllergyIntolerance': return overlaps(allergySpan(r), range);
    case 'CarePlan': return overlaps(carePlanSpan(r), range);
    case 'Goal': return overlaps(goalSpan(r), range);
    default: return false;
  }
}

/** The date shown next to an item (and used to sort newest first). */
export function clinicalDate(r: Resource): string | null {
  switch (r.resourceType) {
    case 'Observation': return observationDate(r);
    case 'DiagnosticReport': return reportDate(r);
    case 'Immunization': return immunizationDate(r);
    case 'DocumentReference': return documentDate(r);
    case 'Encounter': return encounterSpan(r).start;
    case 'Procedure': return procedureSpan(r).start;
    case 'Condition': return conditionSpan(r).start;
    case 'MedicationRequest': return medicationSpan(r).start;
    case 'AllergyIntolerance': return allergySpan(r).start;
    case 'CarePlan': return carePlanSpan(r).start;
    case 'Goal': return goalSpan(r).start;
    default: return null;
  }
}
