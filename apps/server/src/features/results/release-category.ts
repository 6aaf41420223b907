import type { CodeableConcept, DiagnosticReport, Observation } from '@medplum/fhirtypes';
import type { ResultCategory } from '@ourchart/contracts';

// HL7 v2 table 0074 (diagnostic service section) codes, as US Core and most EHRs send them in
// DiagnosticReport.category, plus the LOINC "LP" part codes Synthea uses.
const SECTIONS: Record<string, ResultCategory> = {
  LAB: 'laboratory', CH: 'laboratory', HM: 'laboratory', MB: 'laboratory', MCB: 'laboratory', SR: 'laboratory', IMM: 'laboratory',
  BLB: 'laboratory', CG: 'laboratory', HLA: 'laboratory', TX: 'laboratory', URN: 'laboratory', VR: 'laboratory', MYC: 'laboratory',
  PAR: 'laboratory', SP: 'pathology', CP: 'pathology', PAT: 'pathology', CT: 'imaging', RAD: 'imaging', NMR: 'imaging',
  NMS: 'imaging', RUS: 'imaging', VUS: 'imaging', OUS: 'imaging', CUS: 'imaging', XRC: 'imaging', RX: 'imaging', IMG: 'imaging',
  'LP29684-5': 'imaging', 'LP7839-6': 'pathology',
  // FHIR observation-category codes (Observation.category).
  laboratory: 'laboratory', imaging: 'imaging',
};

function fromCategories(categories: CodeableConcept[] | undefined): ResultCategory | undefined {
  for (const cc of categories ?? []) {
    for (const c of cc.coding ?? []) {
      const found = c.code ? SECTIONS[c.code] : undefined;
      if (found) return found;
    }
  }
  return undefined;
}

/** The release category of a report: laboratory, imaging, pathology, else other. */
export function categoryOfReport(report: DiagnosticReport): ResultCategory {
  return fromCategories(report.category) ?? 'other';
}

/** The release category of a result that stands alone (Observation.category). */
export function categoryOfObservation(observation: Observation): ResultCategory {
  return fromCategories(observation.category) ?? 'other';
}
