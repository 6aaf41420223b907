import type { RecordSection } from '@ourchart/contracts';

export type PdfLocale = 'en' | 'es';

/** The PDF's own words (the record's contents stay as the clinic wrote them). Plain language, en/es. */
export const PDF_WORDS = {
  en: {
    title: 'Your health record',
    intro: 'This is a copy of your health record from OurChart. Keep it somewhere safe: it has private health information.',
    name: 'Name', birthDate: 'Date of birth', range: 'Dates included', rangeValue: '{from} to {to}',
    generated: 'Made on', page: 'Page {n} of {total}', nothing: 'Nothing in these dates.',
    columns: { name: 'What', date: 'Date', status: 'Status', detail: 'Details' },
    sections: {
      problems: 'Health problems', medications: 'Medicines', allergies: 'Allergies', immunizations: 'Vaccines',
      results: 'Test results', vitals: 'Vital signs (blood pressure, weight and more)', visits: 'Visits', procedures: 'Procedures',
      documents: 'Documents (list only)', plans: 'Care plans and goals',
    } satisfies Record<RecordSection, string>,
    statuses: {
      active: 'active', inactive: 'not active', resolved: 'resolved', remission: 'in remission', completed: 'done', stopped: 'stopped',
      final: 'final', preliminary: 'not final yet', amended: 'changed', corrected: 'corrected', cancelled: 'cancelled', finished: 'done',
      'in-progress': 'in progress', planned: 'planned', current: 'current', superseded: 'replaced', 'not-done': 'not done',
      'on-hold': 'on hold', registered: 'received', recurrence: 'came back', relapse: 'came back', accepted: 'agreed', proposed: 'suggested',
    } as Record<string, string>,
  },
  es: {
    title: 'Su historial de salud',
    intro: 'Esta es una copia de su historial de salud de OurChart. Guárdela en un lugar seguro: tiene información privada de salud.',
    name: 'Nombre', birthDate: 'Fecha de nacimiento', range: 'Fechas incluidas', rangeValue: 'del {from} al {to}',
    generated: 'Hecho el', page: 'Página {n} de {total}', nothing: 'No hay nada en estas fechas.',
    columns: { name: 'Qué', date: 'Fecha', status: 'Estado', detail: 'Detalles' },
    sections: {
      problems: 'Problemas de salud', medications: 'Medicinas', allergies: 'Alergias', immunizations: 'Vacunas',
      results: 'Resultados de pruebas', vitals: 'Signos vitales (presión, peso y más)', visits: 'Visitas', procedures: 'Procedimientos',
      documents: 'Documentos (solo la lista)', plans: 'Planes de cuidado y metas',
    } satisfies Record<RecordSection, string>,
    statuses: {
      active: 'activo', inactive: 'no activo', resolved: 'resuelto', remission: 'en remisión', completed: 'terminado', stopped: 'suspendido',
      final: 'final', preliminary: 'todavía no es final', amended: 'cambiado', corrected: 'corregido', cancelled: 'cancelado', finished: 'terminado',
      'in-progress': 'en curso', planned: 'planeado', current: 'actual', superseded: 'reemplazado', 'not-done': 'no se hizo',
      'on-hold': 'en pausa', registered: 'recibido', recurrence: 'regresó', relapse: 'regresó', accepted: 'aceptado', proposed: 'sugerido',
    } as Record<string, string>,
  },
} as const;

export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (_, k: string) => String(values[k] ?? ''));
}
