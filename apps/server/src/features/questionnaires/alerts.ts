import type { Flag } from '@medplum/fhirtypes';
import type { CareAlertKind } from '@ourchart/contracts';
import type { Queryable } from '../../platform/db/db.ts';
import { notifyUser } from '../../platform/notifications/notifications.ts';
import { insertAlert } from './questionnaires.queries.ts';
import type { ResponseContext } from './questionnaires.service.ts';

/**
 * A care alert in the patient's record is a FHIR R4 Flag (category clinical, status active) whose
 * code says what was found and whose flag-detail extension points at the QuestionnaireResponse.
 * The care_alerts row is the staff work queue; the clinician of the appointment gets an in-app
 * notification (kind care-alert) that names the response, never its content.
 */
export const ALERT_SYSTEM = 'https://ourchart.example/fhir/CodeSystem/care-alert';
const FLAG_DETAIL = 'http://hl7.org/fhir/StructureDefinition/flag-detail';

const ALERT_TEXT: Record<CareAlertKind, string> = {
  'phq9-item9': 'PHQ-9 item 9 answered above zero (thoughts of being better off dead or of self-harm). Contact the patient today.',
  'phq9-severe': 'PHQ-9 total of 20 or more (severe depression symptoms).',
  'gad7-severe': 'GAD-7 total of 15 or more (severe anxiety symptoms).',
};

export function alertFlag(a: { id: string; kind: CareAlertKind; patientId: string; responseId: string; score: number; now: string }): Flag {
  return {
    resourceType: 'Flag',
    id: a.id,
    extension: [{ url: FLAG_DETAIL, valueReference: { reference: `QuestionnaireResponse/${a.responseId}` } }],
    status: 'active',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/flag-category', code: 'clinical', display: 'Clinical' }] }],
    code: { coding: [{ system: ALERT_SYSTEM, code: a.kind }], text: ALERT_TEXT[a.kind] },
    subject: { reference: `Patient/${a.patientId}` },
    period: { start: a.now },
  };
}

/** Writes the alert rows and notifies the appointment's clinician, in the caller's transaction. */
export async function raiseAlerts(
  tx: Queryable,
  a: { patientId: string; responseId: string; context: ResponseContext; score: number; flags: Flag[]; clinicians: string[] },
): Promise<void> {
  for (const flag of a.flags) {
    const kind = flag.code.coding![0]!.code as CareAlertKind;
    await insertAlert(tx, {
      patientId: a.patientId, responseId: a.responseId, appointmentId: a.context.appointmentId, practitionerId: a.context.practitionerId,
      kind, score: a.score, flagId: flag.id!,
    });
  }
  if (a.flags.length === 0) return;
  for (const userId of a.clinicians) {
    await notifyUser(tx, userId, a.patientId, { kind: 'care-alert', entityType: 'QuestionnaireResponse', entityId: a.responseId });
  }
}
