/**
 * Words that suggest an emergency. Before a message is sent, any of these (English or Spanish,
 * either language whatever the screen shows) brings up "If this is an emergency, call 911...".
 * The check only WARNS: the person can still send. Matching ignores case, accents and the kind of
 * apostrophe, and needs whole words ("stroke" matches, "strokes of luck" does too: a false alarm
 * costs one click, a missed one could cost a life). docs/messaging.md lists these same words.
 */
export const EMERGENCY_WORDS: Record<'en' | 'es', readonly string[]> = {
  en: [
    'chest pain', 'chest pressure', 'chest tightness', 'heart attack',
    "can't breathe", 'cant breathe', 'cannot breathe', 'can not breathe', 'unable to breathe', 'trouble breathing', 'struggling to breathe', 'choking',
    'throat is closing', 'throat closing', 'throat swelling', 'anaphylaxis',
    'suicide', 'suicidal', 'kill myself', 'end my life', 'want to die', 'hurt myself', 'self harm', 'self-harm',
    'overdose', 'overdosed', 'took too many pills', 'poisoned', 'poisoning',
    'stroke', 'face drooping', 'face is drooping', 'slurred speech', 'arm weakness', 'numb on one side', 'sudden numbness', 'sudden weakness',
    'sudden confusion', 'worst headache', 'seizure', 'unconscious', 'passed out', 'not breathing',
    "bleeding won't stop", 'bleeding wont stop', 'severe bleeding', 'coughing up blood', 'vomiting blood',
  ],
  es: [
    'dolor de pecho', 'dolor en el pecho', 'presion en el pecho', 'ataque al corazon', 'infarto',
    'no puedo respirar', 'me falta el aire', 'me ahogo', 'no puede respirar', 'dificultad para respirar', 'se me cierra la garganta',
    'suicidio', 'suicida', 'suicidarme', 'matarme', 'quitarme la vida', 'quiero morir', 'hacerme dano', 'lastimarme',
    'sobredosis', 'tome demasiadas pastillas', 'envenenado', 'envenenamiento',
    'derrame cerebral', 'ataque cerebral', 'embolia', 'cara caida', 'habla arrastrada', 'debilidad en el brazo', 'entumecimiento repentino',
    'confusion repentina', 'peor dolor de cabeza', 'convulsion', 'inconsciente', 'me desmaye', 'se desmayo', 'no respira',
    'sangrado que no para', 'sangrado fuerte', 'tosiendo sangre', 'vomitando sangre',
  ],
};

/** Lower case, no accents, one kind of apostrophe, single spaces: how both the text and the words are compared. */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`´]/g, "'")
    .replace(/\s+/g, ' ');
}

const PATTERNS = [...EMERGENCY_WORDS.en, ...EMERGENCY_WORDS.es].map((w) => {
  const escaped = normalise(w).replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
  return new RegExp(`(^|[^a-z0-9])${escaped}($|[^a-z0-9])`);
});

/** True when the text (subject plus message) mentions any emergency word. */
export function suggestsEmergency(...texts: string[]): boolean {
  const text = normalise(texts.join(' \n '));
  return PATTERNS.some((p) => p.test(text));
}
