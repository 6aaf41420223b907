import type { Observation, Quantity, Resource } from '@medplum/fhirtypes';
import type { RecordItem, RecordSection, RecordSummarySection } from '@ourchart/contracts';
import { conceptText, referenceText } from '../../platform/fhir-store/display.ts';
import { clinicalDate } from './clinical-dates.ts';
import type { RecordData } from './record-data.ts';

/**
 * The record in plain lines (name, date, status, one detail) for people: the PDF and the shared
 * record viewer both read these, so a recipient sees on screen exactly what the PDF holds.
 */
export function summarize(data: RecordData): RecordSummarySection[] {
  const names = new Map(data.medicationDefinitions.map((m) => [`Medication/${m.id}`, conceptText(m.code)]));
  const bySection: Record<RecordSection, () => RecordItem[]> = {
    problems: () => data.conditions.map((c) => item(c, conceptText(c.code), code(c.clinicalStatus), c.note?.[0]?.text ?? null)),
    medications: () => data.medications.map((m) => item(
      m, conceptText(m.medicationCodeableConcept) ?? names.get(m.medicationReference?.reference ?? '') ?? referenceText(m.medicationReference), m.status,
      m.dosageInstruction?.map((d) => d.text).filter(Boolean).join('; ') || null,
    )),
    allergies: () => data.allergies.map((a) => item(a, conceptText(a.code), code(a.clinicalStatus), [
      a.reaction?.flatMap((r) => r.manifestation.map((m) => conceptText(m))).filter(Boolean).join(', '),
      a.reaction?.find((r) => r.severity)?.severity ?? a.criticality,
    ].filter(Boolean).join(' · ') || null)),
    immunizations: () => data.immunizations.map((i) => item(i, conceptText(i.vaccineCode), i.status, i.performer?.[0]?.actor.display ?? null)),
    results: () => [
      ...data.reports.map((r) => item(r, conceptText(r.code), r.status, r.performer?.[0]?.display ?? null)),
      ...data.labs.map((o) => item(o, conceptText(o.code), o.status, observationValue(o))),
    ],
    vitals: () => data.vitals.map((o) => item(o, conceptText(o.code), o.status, observationValue(o))),
    visits: () => data.encounters.map((e) => item(
      e, conceptText(e.type?.[0]) ?? e.class?.display ?? null, e.status,
      [e.participant?.[0]?.individual?.display, e.location?.[0]?.location.display, e.serviceProvider?.display].filter(Boolean).join(' · ') || null,
    )),
    procedures: () => data.procedures.map((p) => item(p, conceptText(p.code), p.status, p.performer?.[0]?.actor.display ?? null)),
    documents: () => data.documents.map((d) => item(d, d.description ?? conceptText(d.type), d.docStatus ?? d.status, d.author?.[0]?.display ?? null)),
    plans: () => [
      ...data.carePlans.map((c) => item(c, c.title ?? conceptText(c.category?.[0]), c.status, c.description ?? null)),
      ...data.goals.map((g) => item(g, conceptText(g.description), g.lifecycleStatus, null)),
    ],
  };
  return data.sections.map((key) => ({ key, items: bySection[key]() }));
}

function item(r: Resource, name: string | null, status: string | null | undefined, detail: string | null): RecordItem {
  return { name: name ?? 'Unnamed item', date: clinicalDate(r), status: status ?? null, detail };
}

function code(cc: { coding?: { code?: string }[] } | undefined): string | null {
  return cc?.coding?.[0]?.code ?? null;
}

function quantity(q: Quantity | undefined): string | null {
  return q?.value === undefined ? null : `${q.value}${q.unit ? ` ${q.unit}` : ''}`;
}

/** "182 mg/dL (70-99)", "120/80 mmHg" for a blood-pressure panel, or the text of a coded value. */
export function observationValue(o: Observation): string | null {
  if (o.component?.length && !o.valueQuantity) {
    const parts = o.component.map((c) => c.valueQuantity?.value).filter((v) => v !== undefined);
    const unit = o.component.find((c) => c.valueQuantity?.unit)?.valueQuantity?.unit;
    if (parts.length) return `${parts.join('/')}${unit ? ` ${unit}` : ''}`;
  }
  const value = quantity(o.valueQuantity) ?? o.valueString ?? conceptText(o.valueCodeableConcept) ?? null;
  const range = o.referenceRange?.[0];
  const bounds = range?.text ?? (range?.low || range?.high ? `${range.low?.value ?? ''}-${range.high?.value ?? ''}` : null);
  return value && bounds ? `${value} (${bounds})` : value;
}
