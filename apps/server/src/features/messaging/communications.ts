import type { Communication } from '@medplum/fhirtypes';
import type { MessageTopic } from '@ourchart/contracts';
import type { AttachmentRow, MessageRow } from './messaging.queries.ts';

/** Identifies portal users in FHIR references that have no resource of their own (proxies, staff without a Practitioner). */
export const USER_SYSTEM = 'https://ourchart.example/fhir/sid/user';
export const THREAD_SYSTEM = 'https://ourchart.example/fhir/sid/message-thread';
export const TOPIC_SYSTEM = 'https://ourchart.example/fhir/CodeSystem/message-topic';

export type CommunicationInput = {
  thread: { id: string; patientId: string; topic: MessageTopic; subject: string; poolName: string };
  messages: (MessageRow & { body: string })[];
  attachments: AttachmentRow[];
  /** Practitioner ids of staff authors, where they have one. */
  practitionerOf: Map<string, string | null>;
};

function senderOf(m: MessageRow, patientId: string, practitionerOf: Map<string, string | null>): NonNullable<Communication['sender']> {
  if (m.authorKind === 'patient') return { reference: `Patient/${patientId}` };
  const practitionerId = practitionerOf.get(m.authorUserId);
  if (m.authorKind === 'staff' && practitionerId) return { reference: `Practitioner/${practitionerId}`, display: m.authorName };
  return { identifier: { system: USER_SYSTEM, value: m.authorUserId }, display: m.authorKind === 'proxy' ? `Proxy: ${m.authorName}` : m.authorName };
}

/**
 * The thread as FHIR Communication resources for the patient's record, one per message (the id is
 * the message id, so closing twice cannot duplicate): subject and patient-side recipient the Patient,
 * sender the author, sent the time, payload the text plus each attachment's name, type and size
 * (the bytes stay in the portal), topic the subject, partOf the first message and inResponseTo the
 * message before, so the conversation can be rebuilt from the record alone.
 */
export function threadCommunications({ thread, messages, attachments, practitionerOf }: CommunicationInput): Communication[] {
  const first = messages[0]?.id;
  return messages.map((m, i): Communication => {
    const fromStaff = m.authorKind === 'staff';
    const files = attachments.filter((a) => a.messageId === m.id);
    return {
      resourceType: 'Communication',
      id: m.id,
      identifier: [{ system: THREAD_SYSTEM, value: thread.id }],
      status: 'completed',
      subject: { reference: `Patient/${thread.patientId}` },
      topic: { coding: [{ system: TOPIC_SYSTEM, code: thread.topic }], text: thread.subject },
      sent: m.createdAt.toISOString(),
      sender: senderOf(m, thread.patientId, practitionerOf),
      recipient: fromStaff ? [{ reference: `Patient/${thread.patientId}` }] : [{ display: thread.poolName }],
      payload: [
        { contentString: m.body },
        ...files.map((a) => ({ contentAttachment: { contentType: a.contentType, title: a.fileName, size: a.size } })),
      ],
      ...(i > 0 && first ? { partOf: [{ reference: `Communication/${first}` }], inResponseTo: [{ reference: `Communication/${messages[i - 1]!.id}` }] } : {}),
    };
  });
}
