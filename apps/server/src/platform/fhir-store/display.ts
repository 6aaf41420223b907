import type { CodeableConcept, HumanName, Patient, Reference } from '@medplum/fhirtypes';

/** Human-readable text of a CodeableConcept: its text, else the first coding's display, else its code. */
export function conceptText(cc: CodeableConcept | undefined): string | null {
  if (!cc) return null;
  return cc.text ?? cc.coding?.find((c) => c.display)?.display ?? cc.coding?.[0]?.code ?? null;
}

/** "Given Family" from the official (or first) name; text when present. */
export function formatName(names: HumanName[] | undefined): string {
  const n = names?.find((x) => x.use === 'official') ?? names?.[0];
  if (!n) return '';
  if (n.text) return n.text;
  return [...(n.given ?? []), n.family].filter(Boolean).join(' ');
}

export function patientDisplayName(p: Patient): string {
  return formatName(p.name);
}

/** First given name, for greetings. */
export function givenName(p: Patient): string {
  const n = p.name?.find((x) => x.use === 'official') ?? p.name?.[0];
  return n?.given?.[0] ?? formatName(p.name);
}

export function referenceText(ref: Reference | undefined): string | null {
  return ref?.display ?? null;
}
