import type { Questionnaire } from '@medplum/fhirtypes';
import { ITEM_CONTROL, QUESTIONNAIRE_BASE, spanish, titled, words } from './instruments.ts';

const SYSTEM = 'https://ourchart.example/fhir/CodeSystem/pre-visit';
const option = (code: string, en: string, es: string) => ({ valueCoding: { system: SYSTEM, code, display: en, _display: spanish(es) } });
const checkBoxes = { extension: [{ url: ITEM_CONTROL, valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'check-box' }] } }] };

/**
 * `pre-visit-health`: the clinic's short pre-visit form. It uses every item type and rule the
 * renderer supports (string, text, integer, decimal, date, boolean, choice as radio buttons and as
 * check boxes with repeats, open-choice, group, display, required, enableWhen with each operator
 * and both enableBehavior values), so it doubles as the renderer's living test form.
 */
export function preVisitHealth(): Questionnaire {
  return {
    resourceType: 'Questionnaire', id: 'pre-visit-health', url: `${QUESTIONNAIRE_BASE}/pre-visit-health`, version: '1',
    name: 'PreVisitHealth', status: 'active', subjectType: ['Patient'], date: '2026-01-01',
    ...titled('Before your visit', 'Antes de su consulta'),
    item: [
      { linkId: 'intro', type: 'display', ...words('These questions help your care team get ready for your visit. It takes about 3 minutes.', 'Estas preguntas ayudan a su equipo de atención a prepararse para su consulta. Toma unos 3 minutos.') },
      {
        linkId: 'reason', type: 'group', ...words('Why you are coming', 'Por qué viene'),
        item: [
          { linkId: 'main-concern', type: 'text', required: true, maxLength: 1000, ...words('What would you like to talk about at this visit?', '¿De qué quiere hablar en esta consulta?') },
          { linkId: 'symptom-start', type: 'date', ...words('When did this start? (if it is a new problem)', '¿Cuándo empezó? (si es un problema nuevo)') },
          {
            linkId: 'pain-level', type: 'integer', required: true,
            ...words('How much pain do you have today, from 0 (none) to 10 (worst)?', '¿Cuánto dolor tiene hoy, de 0 (nada) a 10 (el peor)?'),
          },
          {
            linkId: 'pain-where', type: 'string', maxLength: 200, enableWhen: [{ question: 'pain-level', operator: '>', answerInteger: 0 }],
            ...words('Where is the pain?', '¿Dónde le duele?'),
          },
          {
            linkId: 'pain-severe-note', type: 'display',
            enableWhen: [{ question: 'pain-level', operator: '>=', answerInteger: 8 }, { question: 'pain-level', operator: '<=', answerInteger: 10 }],
            ...words('If the pain is very bad right now, call the clinic or 911 instead of waiting for your visit.', 'Si el dolor es muy fuerte ahora, llame a la clínica o al 911 en vez de esperar a su consulta.'),
          },
        ],
      },
      {
        linkId: 'body', type: 'group', ...words('Your body today', 'Su cuerpo hoy'),
        item: [
          { linkId: 'weight-lb', type: 'decimal', ...words('Your weight in pounds, if you know it', 'Su peso en libras, si lo sabe') },
          {
            linkId: 'weight-change', type: 'boolean', enableWhen: [{ question: 'weight-lb', operator: 'exists', answerBoolean: true }],
            ...words('Has your weight changed by more than 10 pounds this year?', '¿Su peso cambió más de 10 libras este año?'),
          },
          {
            ...checkBoxes, linkId: 'symptoms', type: 'choice', repeats: true,
            ...words('Do you have any of these now? Choose all that apply.', '¿Tiene alguno de estos ahora? Elija todos los que correspondan.'),
            answerOption: [
              option('fever', 'Fever', 'Fiebre'), option('cough', 'Cough', 'Tos'),
              option('short-breath', 'Shortness of breath', 'Falta de aire'), option('none', 'None of these', 'Ninguno de estos'),
            ],
          },
          {
            linkId: 'breathing-now', type: 'boolean', required: true,
            enableWhen: [{ question: 'symptoms', operator: '=', answerCoding: { system: SYSTEM, code: 'short-breath' } }],
            ...words('Is it hard to breathe right now?', '¿Le cuesta respirar ahora mismo?'),
          },
          {
            linkId: 'infection-note', type: 'display', enableBehavior: 'any',
            enableWhen: [
              { question: 'symptoms', operator: '=', answerCoding: { system: SYSTEM, code: 'fever' } },
              { question: 'symptoms', operator: '=', answerCoding: { system: SYSTEM, code: 'cough' } },
            ],
            ...words('Please wear a mask when you come in. We have masks at the front desk.', 'Use una mascarilla cuando venga. Tenemos mascarillas en la recepción.'),
          },
        ],
      },
      {
        linkId: 'habits', type: 'group', ...words('Habits', 'Hábitos'),
        item: [
          {
            linkId: 'tobacco', type: 'choice', required: true,
            extension: [{ url: ITEM_CONTROL, valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'radio-button' }] } }],
            ...words('Do you smoke or use tobacco?', '¿Fuma o usa tabaco?'),
            answerOption: [option('never', 'Never', 'Nunca'), option('former', 'I used to', 'Antes sí'), option('current', 'Yes, now', 'Sí, ahora')],
          },
          {
            linkId: 'tobacco-quit-help', type: 'boolean',
            enableWhen: [
              { question: 'tobacco', operator: '!=', answerCoding: { system: SYSTEM, code: 'never' } },
              { question: 'tobacco', operator: 'exists', answerBoolean: true },
            ],
            enableBehavior: 'all',
            ...words('Would you like help to quit or stay quit?', '¿Quiere ayuda para dejarlo o no volver a empezar?'),
          },
          {
            linkId: 'alcohol-days', type: 'integer',
            ...words('On how many days a week do you drink alcohol? (0 to 7)', '¿Cuántos días a la semana toma alcohol? (0 a 7)'),
          },
          {
            linkId: 'alcohol-note', type: 'display', enableWhen: [{ question: 'alcohol-days', operator: '<', answerInteger: 1 }],
            ...words('Thank you. No more questions about alcohol.', 'Gracias. No hay más preguntas sobre el alcohol.'),
          },
          {
            linkId: 'alcohol-drinks', type: 'integer', enableWhen: [{ question: 'alcohol-days', operator: '>=', answerInteger: 1 }],
            ...words('On those days, how many drinks do you usually have?', 'Esos días, ¿cuántas bebidas toma por lo general?'),
          },
        ],
      },
      {
        linkId: 'pharmacy', type: 'open-choice',
        ...words('Which pharmacy do you use? Choose one or type its name.', '¿Qué farmacia usa? Elija una o escriba su nombre.'),
        answerOption: [option('riverbend-main', 'Riverbend Pharmacy, Main Street', 'Farmacia Riverbend, calle Main'), option('mail-order', 'Mail order', 'Por correo')],
      },
    ],
  };
}
