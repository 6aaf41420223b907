import type { Extension, Questionnaire, QuestionnaireItem, QuestionnaireItemAnswerOption } from '@medplum/fhirtypes';

/**
 * The PHQ-9 and GAD-7 as FHIR R4 Questionnaires, with the published wording in English and the
 * published US Spanish translation. One resource per instrument; Spanish rides on each text in the
 * FHIR translation extension (`_text`, `_display`), so the ids the visit types list stay the same
 * in both languages and the server picks the reader's language (localize.ts).
 *
 * Codes are LOINC (panel, items, total score, answer list LL358-3). Each answer option carries its
 * points in the R4 ordinalValue extension; scoring.ts adds them up by the published rules.
 * PHQ-9 and GAD-7: Drs. Spitzer, Williams, Kroenke and colleagues, educational grant from Pfizer;
 * no permission is required to reproduce, translate, display or distribute.
 */

export const LOINC = 'http://loinc.org';
export const TRANSLATION = 'http://hl7.org/fhir/StructureDefinition/translation';
export const ORDINAL_VALUE = 'http://hl7.org/fhir/StructureDefinition/ordinalValue';
export const ITEM_CONTROL = 'http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl';
export const QUESTIONNAIRE_BASE = 'https://ourchart.example/fhir/Questionnaire';

/** `_text` / `_display`: the Spanish translation of an English string. */
export function spanish(es: string): { extension: Extension[] } {
  return { extension: [{ url: TRANSLATION, extension: [{ url: 'lang', valueCode: 'es' }, { url: 'content', valueString: es }] }] };
}

/** Text in both languages: `{ text, _text }`. */
export const words = (en: string, es: string) => ({ text: en, _text: spanish(es) });

/** A title in both languages: `{ title, _title }` (the fhirtypes lack primitive extensions on these). */
export const titled = (en: string, es: string) => ({ title: en, _title: spanish(es) });

const FREQUENCY: [code: string, en: string, es: string, points: number][] = [
  ['LA6568-5', 'Not at all', 'Ningún día', 0],
  ['LA6569-3', 'Several days', 'Varios días', 1],
  ['LA6570-1', 'More than half the days', 'Más de la mitad de los días', 2],
  ['LA6571-9', 'Nearly every day', 'Casi todos los días', 3],
];

const DIFFICULTY: [code: string, en: string, es: string][] = [
  ['LA6572-7', 'Not difficult at all', 'No ha sido difícil'],
  ['LA6573-5', 'Somewhat difficult', 'Un poco difícil'],
  ['LA6575-0', 'Very difficult', 'Muy difícil'],
  ['LA6574-3', 'Extremely difficult', 'Extremadamente difícil'],
];

function frequencyOptions(esNotAtAll: string): QuestionnaireItemAnswerOption[] {
  return FREQUENCY.map(([code, en, es, points]) => ({
    extension: [{ url: ORDINAL_VALUE, valueDecimal: points }],
    valueCoding: { system: LOINC, code, display: en, _display: spanish(code === 'LA6568-5' ? esNotAtAll : es) },
  }));
}

const radio = { extension: [{ url: ITEM_CONTROL, valueCodeableConcept: { coding: [{ system: 'http://hl7.org/fhir/questionnaire-item-control', code: 'radio-button' }] } }] };

function scoredItem(code: string, en: string, es: string, n: number, esNotAtAll: string): QuestionnaireItem {
  return {
    ...radio,
    linkId: code, code: [{ system: LOINC, code, display: en }], prefix: `${n}.`, ...words(en, es),
    type: 'choice', required: true, answerOption: frequencyOptions(esNotAtAll),
  };
}

function difficultyItem(code: string): QuestionnaireItem {
  return {
    ...radio,
    linkId: code, code: [{ system: LOINC, code }], type: 'choice', required: false,
    ...words(
      'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
      'Si marcó cualquiera de los problemas, ¿qué tanta dificultad le han dado estos problemas para hacer su trabajo, encargarse de las tareas del hogar, o llevarse bien con otras personas?',
    ),
    answerOption: DIFFICULTY.map(([c, en, es]) => ({ valueCoding: { system: LOINC, code: c, display: en, _display: spanish(es) } })),
  };
}

/** The total, written by the server into the response (read-only here, so the form does not ask it). */
function totalItem(code: string, max: number): QuestionnaireItem {
  return { linkId: code, code: [{ system: LOINC, code }], type: 'integer', readOnly: true, ...words(`Total score (0-${max})`, `Puntaje total (0-${max})`) };
}

export const PHQ9_ITEMS: [code: string, en: string, es: string][] = [
  ['44250-9', 'Little interest or pleasure in doing things', 'Poco interés o placer en hacer cosas'],
  ['44255-8', 'Feeling down, depressed, or hopeless', 'Se ha sentido decaído(a), deprimido(a) o sin esperanzas'],
  ['44259-0', 'Trouble falling or staying asleep, or sleeping too much', 'Ha tenido dificultad para quedarse o permanecer dormido(a), o ha dormido demasiado'],
  ['44254-1', 'Feeling tired or having little energy', 'Se ha sentido cansado(a) o con poca energía'],
  ['44251-7', 'Poor appetite or overeating', 'Sin apetito o ha comido en exceso'],
  ['44258-2', 'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    'Se ha sentido mal con usted mismo(a) – o que es un fracaso o que ha quedado mal con usted mismo(a) o con su familia'],
  ['44252-5', 'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Ha tenido dificultad para concentrarse en ciertas actividades, tales como leer el periódico o ver la televisión'],
  ['44253-3', 'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    '¿Se ha movido o hablado tan lento que otras personas podrían haberlo notado? o lo contrario – muy inquieto(a) o agitado(a) que ha estado moviéndose mucho más de lo normal'],
  ['44260-8', 'Thoughts that you would be better off dead or of hurting yourself in some way',
    'Pensamientos de que estaría mejor muerto(a) o de lastimarse de alguna manera'],
];
export const PHQ9_ITEM9 = '44260-8';
export const PHQ9_TOTAL = '44261-6';

export const GAD7_ITEMS: [code: string, en: string, es: string][] = [
  ['69725-0', 'Feeling nervous, anxious, or on edge', 'Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta'],
  ['68509-9', 'Not being able to stop or control worrying', 'No ha sido capaz de parar o controlar su preocupación'],
  ['69733-4', 'Worrying too much about different things', 'Se ha preocupado demasiado por motivos diferentes'],
  ['69734-2', 'Trouble relaxing', 'Ha tenido dificultad para relajarse'],
  ['69735-9', "Being so restless that it's hard to sit still", 'Se ha sentido tan inquieto(a) que no ha podido quedarse quieto(a)'],
  ['69689-8', 'Becoming easily annoyed or irritable', 'Se ha molestado o irritado fácilmente'],
  ['69736-7', 'Feeling afraid as if something awful might happen', 'Ha tenido miedo de que algo terrible fuera a pasar'],
];
export const GAD7_TOTAL = '70274-6';

const COPYRIGHT = ((c) => ({ copyright: c.text, _copyright: c._text }))(words(
  'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.',
  'Desarrollado por los doctores Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke y colegas, con una subvención educativa de Pfizer Inc. No se requiere permiso para reproducir, traducir, mostrar o distribuir.',
));

export function phq9(): Questionnaire {
  return {
    resourceType: 'Questionnaire', id: 'phq-9', url: `${QUESTIONNAIRE_BASE}/phq-9`, version: '1', name: 'PHQ9',
    status: 'active', subjectType: ['Patient'], date: '2026-01-01',
    ...titled('Patient Health Questionnaire (PHQ-9)', 'Cuestionario sobre la salud del paciente (PHQ-9)'),
    code: [{ system: LOINC, code: '44249-1', display: 'PHQ-9 quick depression assessment panel' }],
    ...COPYRIGHT,
    item: [{
      linkId: 'phq-9-questions', type: 'group',
      ...words('Over the last 2 weeks, how often have you been bothered by any of the following problems?',
        'Durante las últimas 2 semanas, ¿qué tan seguido ha tenido molestias debido a los siguientes problemas?'),
      item: PHQ9_ITEMS.map(([code, en, es], i) => scoredItem(code, en, es, i + 1, 'Ningún día')),
    }, difficultyItem('69722-7'), totalItem(PHQ9_TOTAL, 27)],
  };
}

export function gad7(): Questionnaire {
  return {
    resourceType: 'Questionnaire', id: 'gad-7', url: `${QUESTIONNAIRE_BASE}/gad-7`, version: '1', name: 'GAD7',
    status: 'active', subjectType: ['Patient'], date: '2026-01-01',
    ...titled('Generalized Anxiety Disorder 7-item (GAD-7)', 'Trastorno de ansiedad generalizada de 7 preguntas (GAD-7)'),
    code: [{ system: LOINC, code: '69737-5', display: 'Generalized anxiety disorder 7 item (GAD-7)' }],
    ...COPYRIGHT,
    item: [{
      linkId: 'gad-7-questions', type: 'group',
      ...words('Over the last 2 weeks, how often have you been bothered by the following problems?',
        'Durante las últimas 2 semanas, ¿con qué frecuencia ha sentido molestias por los siguientes problemas?'),
      item: GAD7_ITEMS.map(([code, en, es], i) => scoredItem(code, en, es, i + 1, 'Nunca')),
    }, difficultyItem('69726-8'), totalItem(GAD7_TOTAL, 21)],
  };
}
