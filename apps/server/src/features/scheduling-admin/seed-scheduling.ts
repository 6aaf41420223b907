import { createHash } from 'node:crypto';
import type { SetupVisitType } from '@ourchart/contracts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import type { Db } from '../../platform/db/db.ts';
import { FhirStore } from '../../platform/fhir-store/store.ts';
import { insertException, insertVisitType, readSettings, type HoursRow } from './admin.queries.ts';
import { addDays, clinicToday } from './clinic-time.ts';
import { actorNames, syncSchedules } from './schedule-resources.ts';

const SEED_KEY = 'demo_scheduling_seed';
const PATEL = 'demo-practitioner-patel';
const MENSAH = 'demo-practitioner-mensah';
const BENNETT = 'demo-practitioner-bennett';
const MAIN = 'demo-location-main';
const WESTSIDE = 'demo-location-westside';

/** A stable UUID per seed row, so a re-run after a crash collides instead of duplicating. */
function seedUuid(key: string): string {
  const h = createHash('sha256').update(`ourchart-demo-scheduling|${key}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const visit = (v: Partial<SetupVisitType> & Pick<SetupVisitType, 'id' | 'nameEn' | 'nameEs' | 'durationMinutes' | 'modality' | 'booking'>): SetupVisitType => ({
  descriptionEn: '', descriptionEs: '', practitionerIds: [], questionnaireIds: [], bringEn: '', bringEs: '', active: true, sortOrder: 0, ...v,
});

/** The demo clinic's visit types (ids other slices and tests rely on). Empty practitionerIds: any clinician with hours. */
export const DEMO_VISIT_TYPES: SetupVisitType[] = [
  visit({
    id: 'follow-up', nameEn: 'Follow-up visit', nameEs: 'Consulta de seguimiento', durationMinutes: 20, modality: 'in-person', booking: 'self',
    practitionerIds: [PATEL, MENSAH, BENNETT], sortOrder: 10,
    descriptionEn: 'A visit to check on a health problem you already see us for.', descriptionEs: 'Una consulta para revisar un problema de salud por el que ya viene a vernos.',
    bringEn: 'Your medicines or a list of them.', bringEs: 'Sus medicinas o una lista de ellas.',
  }),
  visit({
    id: 'video-visit', nameEn: 'Video visit', nameEs: 'Consulta por video', durationMinutes: 20, modality: 'video', booking: 'self', sortOrder: 20,
    descriptionEn: 'Talk with your clinician by video from home.', descriptionEs: 'Hable con su clínico por video desde su casa.',
    bringEn: 'A phone or computer with a camera, in a quiet place.', bringEs: 'Un teléfono o computadora con cámara, en un lugar tranquilo.',
  }),
  visit({
    id: 'annual-physical', nameEn: 'Annual physical', nameEs: 'Examen físico anual', durationMinutes: 40, modality: 'in-person', booking: 'self',
    practitionerIds: [PATEL], questionnaireIds: ['phq-9', 'gad-7', 'pre-visit-health'], sortOrder: 30,
    descriptionEn: 'A yearly check-up to keep you healthy.', descriptionEs: 'Un chequeo cada año para mantenerlo sano.',
    bringEn: 'Your insurance card, a photo ID and your medicines.', bringEs: 'Su tarjeta del seguro, una identificación con foto y sus medicinas.',
  }),
  visit({
    id: 'sick-visit', nameEn: 'Sick visit', nameEs: 'Consulta por enfermedad', durationMinutes: 20, modality: 'in-person', booking: 'self', sortOrder: 40,
    descriptionEn: 'For a new problem, like a fever, cough or pain.', descriptionEs: 'Para un problema nuevo, como fiebre, tos o dolor.',
  }),
  visit({
    id: 'well-child', nameEn: 'Well-child visit', nameEs: 'Consulta de niño sano', durationMinutes: 30, modality: 'in-person', booking: 'self',
    practitionerIds: [MENSAH], sortOrder: 50,
    descriptionEn: 'A check-up for your child, with growth checks and shots.', descriptionEs: 'Un chequeo para su niño, con medidas de crecimiento y vacunas.',
    bringEn: "Your child's shot record.", bringEs: 'La cartilla de vacunas de su niño.',
  }),
  visit({
    id: 'cardiology-consult', nameEn: 'Heart doctor consult', nameEs: 'Consulta con el cardiólogo', durationMinutes: 40, modality: 'in-person', booking: 'request',
    practitionerIds: [BENNETT], sortOrder: 60,
    descriptionEn: 'A first visit with our heart doctor. Ask for it and we will call you to book.', descriptionEs: 'Una primera consulta con nuestra cardióloga. Pídala y le llamaremos para reservar.',
    bringEn: 'Results of heart tests from other clinics, if you have them.', bringEs: 'Resultados de pruebas del corazón de otras clínicas, si los tiene.',
  }),
];

const range = (practitionerId: string, locationId: string, weekday: number, start: string, end: string): HoursRow => {
  const minute = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
  return { id: seedUuid(`${practitionerId}|${weekday}|${start}`), practitionerId, locationId, weekday, startMinute: minute(start), endMinute: minute(end) };
};

/** Patel Mon-Fri 08:00-12:00 and 13:00-17:00, Saturday 09:00-12:00 (main); Mensah Mon-Thu 08:30-16:30 and Bennett Tue and Thu 09:00-15:00 (westside). */
export const DEMO_HOURS: HoursRow[] = [
  ...[1, 2, 3, 4, 5].flatMap((d) => [range(PATEL, MAIN, d, '08:00', '12:00'), range(PATEL, MAIN, d, '13:00', '17:00')]),
  range(PATEL, MAIN, 6, '09:00', '12:00'),
  ...[1, 2, 3, 4].map((d) => range(MENSAH, WESTSIDE, d, '08:30', '16:30')),
  ...[2, 4].map((d) => range(BENNETT, WESTSIDE, d, '09:00', '15:00')),
];

/** About three weeks after the seed date, moved to the next weekday so it closes a working day. */
export function demoHolidayDay(anchorDate: string): string {
  let day = addDays(anchorDate, 21);
  while ([0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay())) day = addDays(day, 1);
  return day;
}

/**
 * Seeds the demo clinic's scheduling setup once (called by seed-demo.ts after the FHIR seed, also
 * for data directories seeded before issue 5): visit types, weekly hours, one clinic holiday and a
 * Schedule per clinician and location. One transaction, rows with fixed ids and ON CONFLICT, and a
 * marker row: a re-run adds nothing and never undoes what staff changed since.
 */
export async function seedScheduling(db: Db, keyring: Keyring, anchorDate: string): Promise<void> {
  const done = await db.query('SELECT 1 FROM app_settings WHERE key = $1', [SEED_KEY]);
  if (done.length > 0) return;
  const settings = await readSettings(db);
  const names = await actorNames(new FhirStore(db, keyring), DEMO_HOURS.map((h) => h.practitionerId), DEMO_HOURS.map((h) => h.locationId));
  await db.transaction(async (tx) => {
    for (const v of DEMO_VISIT_TYPES) await insertVisitType(tx, v);
    for (const h of DEMO_HOURS) {
      await tx.query(
        `INSERT INTO clinician_hours (id, practitioner_id, location_id, weekday, start_minute, end_minute) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (id) DO NOTHING`,
        [h.id, h.practitionerId, h.locationId, h.weekday, h.startMinute, h.endMinute],
      );
    }
    const holiday = { id: seedUuid('holiday'), practitionerId: null, day: demoHolidayDay(anchorDate), startMinute: null, endMinute: null, reason: 'Clinic holiday' };
    if ((await tx.query('SELECT 1 FROM schedule_exceptions WHERE id = $1', [holiday.id])).length === 0) await insertException(tx, holiday, null);
    await syncSchedules(tx, keyring, { pairs: DEMO_HOURS, today: clinicToday(settings.timeZone), horizonDays: settings.bookingHorizonDays, names });
    await tx.query('INSERT INTO app_settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING', [SEED_KEY, JSON.stringify({ anchorDate })]);
  });
}
