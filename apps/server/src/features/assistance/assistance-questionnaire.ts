import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import type { FhirStore } from '../../platform/fhir-store/store.ts';
import { ITEM_CONTROL, QUESTIONNAIRE_BASE, spanish, titled, words } from '../questionnaires/instruments.ts';

/**
 * The financial assistance application as a FHIR R4 Questionnaire, English with Spanish in the
 * translation extension (as the PHQ-9 and GAD-7 are), so the same renderer and answer checks
 * (features/questionnaires) serve it. Plain language, grade 6.
 */
export const ASSISTANCE_QUESTIONNAIRE_ID = 'financial-assistance';
const SYSTEM = 'https://ourchart.example/fhir/CodeSystem/financial-assistance';

const control = (code: string): Pick<QuestionnaireItem, 'extension'> => ({
  extension: [{ url: ITEM_CONTROL, valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code }] } }],
});

const option = (code: string, en: string, es: string) => ({ valueCoding: { system: SYSTEM, code, display: en, _display: spanish(es) } });

/** A description in both languages (the fhirtypes lack primitive extensions on it). */
const described = (en: string, es: string) => ({ description: en, _description: spanish(es) });

export function assistanceQuestionnaire(): Questionnaire {
  return {
    resourceType: 'Questionnaire',
    id: ASSISTANCE_QUESTIONNAIRE_ID,
    url: `${QUESTIONNAIRE_BASE}/${ASSISTANCE_QUESTIONNAIRE_ID}`,
    version: '1',
    name: 'FinancialAssistanceApplication',
    ...titled('Apply for help paying your bill', 'Pida ayuda para pagar su factura'),
    status: 'active',
    subjectType: ['Patient'],
    ...described(
      'The billing office reads your answers and tells you its decision on this page.',
      'La oficina de facturación lee sus respuestas y le dice su decisión en esta página.',
    ),
    item: [
      { linkId: 'household-size', type: 'integer', required: true, ...words('How many people live in your home, counting you?', '¿Cuántas personas viven en su casa, contándose usted?') },
      { linkId: 'monthly-income', type: 'decimal', required: true, ...words('About how much money does your home get each month, before taxes? (in dollars)', '¿Más o menos cuánto dinero recibe su hogar cada mes, antes de impuestos? (en dólares)') },
      {
        linkId: 'insurance-status', type: 'choice', required: true, ...control('radio-button'),
        ...words('Do you have health insurance?', '¿Tiene seguro médico?'),
        answerOption: [
          option('insured', 'Yes, I have health insurance', 'Sí, tengo seguro médico'),
          option('uninsured', 'No, I do not have health insurance', 'No, no tengo seguro médico'),
          option('medicaid-pending', 'I applied for Medicaid and I am waiting', 'Pedí Medicaid y estoy esperando'),
        ],
      },
      { linkId: 'hardship', type: 'text', required: false, maxLength: 1000, ...words('Is there anything else that makes it hard to pay? For example, losing a job, being sick, or other bills.', '¿Hay algo más que le haga difícil pagar? Por ejemplo, perder el trabajo, estar enfermo u otras cuentas.') },
      {
        linkId: 'consent', type: 'choice', required: true, repeats: true, ...control('check-box'),
        ...words('Your permission', 'Su permiso'),
        answerOption: [option('agree', 'What I wrote is true. The billing office may check it and contact me about it.', 'Lo que escribí es verdad. La oficina de facturación puede revisarlo y comunicarse conmigo.')],
      },
    ],
  };
}

const stored = new WeakSet<FhirStore>();

/**
 * Puts the questionnaire in the store under its fixed id, once per store and process. Idempotent:
 * an unchanged definition writes no new version, so every node may do it.
 */
export async function ensureAssistanceQuestionnaire(store: FhirStore): Promise<Questionnaire> {
  const q = assistanceQuestionnaire();
  if (!stored.has(store)) {
    await store.update(q);
    stored.add(store);
  }
  return q;
}
