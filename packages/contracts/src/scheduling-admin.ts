import { z } from 'zod';

/**
 * Scheduling setup (staff and admins change it; clinicians and nurses read it) and the staff day
 * view. Times of day are "HH:MM" on the clinic's clock (scheduling_settings.time_zone); days are
 * "YYYY-MM-DD" clinic days. Visit types, hours and exceptions hold no patient data.
 */

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** "08:30" → 510. Exported for the server and the web app (the web imports types only, so it has its own copy). */
export function clockToMinute(time: string): number {
  const [h, m] = time.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** 510 → "08:30". */
export function minuteToClock(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

const timeOfDay = (missing: string) =>
  z.string({ error: missing }).regex(TIME, missing).refine((t) => clockToMinute(t) % 5 === 0, 'Use a time on a 5-minute mark, for example 08:05 or 13:30.');

const words = (max: number, missing?: string) => {
  const s = z.string({ error: missing ?? 'Enter text.' }).trim().max(max, `Keep this under ${max} characters.`);
  return missing ? s.min(1, missing) : s.default('');
};

export const SetupModality = z.enum(['in-person', 'video'], { error: 'Choose in person or video.' });
export const SetupBooking = z.enum(['self', 'request'], { error: 'Choose whether patients book it themselves or ask for it.' });

const visitTypeFields = {
  nameEn: words(80, 'Enter a name in English.'),
  nameEs: words(80, 'Enter a name in Spanish.'),
  descriptionEn: words(500),
  descriptionEs: words(500),
  durationMinutes: z.number({ error: 'Enter the length in minutes.' }).int('Enter whole minutes.')
    .min(5, 'A visit is at least 5 minutes.').max(240, 'A visit is at most 240 minutes (4 hours).')
    .refine((n) => n % 5 === 0, 'Use a length in steps of 5 minutes, for example 20 or 40.'),
  modality: SetupModality,
  booking: SetupBooking,
  practitionerIds: z.array(z.string().regex(FHIR_ID, 'Choose clinicians from the list.')).max(100).default([]),
  questionnaireIds: z.array(z.string().trim().regex(FHIR_ID, 'Questionnaire ids use letters, numbers, dots and dashes only.')).max(20).default([]),
  bringEn: words(500),
  bringEs: words(500),
  sortOrder: z.number().int().min(0).max(10_000).default(0),
};

/** POST /api/staff/scheduling/visit-types */
export const NewSetupVisitType = z.object({
  id: z.string({ error: 'Enter a short code, for example follow-up.' }).trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Use 2 to 63 small letters, numbers and dashes for the code, for example follow-up.'),
  ...visitTypeFields,
});
export type NewSetupVisitType = z.infer<typeof NewSetupVisitType>;

/** PUT /api/staff/scheduling/visit-types/:id (everything but the code; active false deactivates). */
export const SetupVisitTypeUpdate = z.object({ ...visitTypeFields, active: z.boolean({ error: 'Say whether the visit type is active.' }) });
export type SetupVisitTypeUpdate = z.infer<typeof SetupVisitTypeUpdate>;

export const SetupVisitType = z.object({
  id: z.string(), nameEn: z.string(), nameEs: z.string(), descriptionEn: z.string(), descriptionEs: z.string(),
  durationMinutes: z.number(), modality: SetupModality, booking: SetupBooking, practitionerIds: z.array(z.string()),
  questionnaireIds: z.array(z.string()), bringEn: z.string(), bringEs: z.string(), active: z.boolean(), sortOrder: z.number(),
});
export type SetupVisitType = z.infer<typeof SetupVisitType>;

/** 0 = Sunday ... 6 = Saturday (as in the database and JavaScript's getDay). */
export const SetupWeekday = z.number({ error: 'Choose a day of the week.' }).int().min(0, 'Choose a day of the week.').max(6, 'Choose a day of the week.');

/** POST /api/staff/scheduling/hours: one range of weekly hours of a clinician at a location. */
export const NewHoursRange = z.object({
  practitionerId: z.string({ error: 'Choose a clinician.' }).regex(FHIR_ID, 'Choose a clinician.'),
  locationId: z.string({ error: 'Choose a location.' }).regex(FHIR_ID, 'Choose a location.'),
  weekday: SetupWeekday,
  start: timeOfDay('Enter a start time like 08:00.'),
  end: timeOfDay('Enter an end time like 17:00.'),
}).refine((r) => clockToMinute(r.start) < clockToMinute(r.end), { path: ['end'], message: 'The end time must be after the start time.' });
export type NewHoursRange = z.infer<typeof NewHoursRange>;

export const HoursRange = z.object({ id: z.string(), practitionerId: z.string(), locationId: z.string(), weekday: z.number(), start: z.string(), end: z.string() });
export type HoursRange = z.infer<typeof HoursRange>;

/** POST /api/staff/scheduling/exceptions: time off (a clinician) or a holiday (practitionerId null: the whole clinic). */
export const NewScheduleException = z.object({
  practitionerId: z.string().regex(FHIR_ID, 'Choose a clinician, or the whole clinic.').nullable().default(null),
  day: z.string({ error: 'Enter the day as year-month-day, for example 2026-12-24.' }).regex(DAY, 'Enter the day as year-month-day, for example 2026-12-24.'),
  /** Both null: the whole day. */
  start: timeOfDay('Enter a start time like 12:00, or leave both times empty for the whole day.').nullable().default(null),
  end: timeOfDay('Enter an end time like 13:00, or leave both times empty for the whole day.').nullable().default(null),
  reason: words(200, 'Say why, for example "Vacation" or "Clinic holiday".'),
})
  .refine((e) => (e.start === null) === (e.end === null), { path: ['end'], message: 'Enter both a start and an end time, or leave both empty for the whole day.' })
  .refine((e) => e.start === null || e.end === null || clockToMinute(e.start) < clockToMinute(e.end), { path: ['end'], message: 'The end time must be after the start time.' });
export type NewScheduleException = z.infer<typeof NewScheduleException>;

export const ScheduleException = z.object({
  id: z.string(), practitionerId: z.string().nullable(), day: z.string(), start: z.string().nullable(), end: z.string().nullable(), reason: z.string(),
});
export type ScheduleException = z.infer<typeof ScheduleException>;

/** PUT /api/staff/scheduling/settings. The time zone is checked against the IANA database on the server. */
export const ClinicSettingsInput = z.object({
  timeZone: z.string({ error: 'Enter a time zone like America/Chicago.' }).trim().min(1, 'Enter a time zone like America/Chicago.').max(64),
  cancelCutoffHours: z.number({ error: 'Enter the hours as a number.' }).int('Enter whole hours.').min(0, 'Use 0 to 336 hours.').max(336, 'Use 0 to 336 hours (14 days).'),
  bookingHorizonDays: z.number({ error: 'Enter the days as a number.' }).int('Enter whole days.').min(1, 'Use 1 to 365 days.').max(365, 'Use 1 to 365 days.'),
  minNoticeMinutes: z.number({ error: 'Enter the minutes as a number.' }).int('Enter whole minutes.').min(0, 'Use 0 to 20160 minutes.').max(20160, 'Use 0 to 20160 minutes (14 days).'),
});
export type ClinicSettingsInput = z.infer<typeof ClinicSettingsInput>;
export const ClinicSettings = ClinicSettingsInput;
export type ClinicSettings = ClinicSettingsInput;

export const SetupNamedRef = z.object({ id: z.string(), name: z.string() });
export type SetupNamedRef = z.infer<typeof SetupNamedRef>;

/** GET /api/staff/scheduling: everything the setup page shows. `canEdit` is false for clinicians and nurses. */
export const SchedulingSetup = z.object({
  canEdit: z.boolean(),
  today: z.string(),
  settings: ClinicSettings,
  visitTypes: z.array(SetupVisitType),
  hours: z.array(HoursRange),
  /** From today on, soonest first. */
  exceptions: z.array(ScheduleException),
  clinicians: z.array(SetupNamedRef),
  locations: z.array(SetupNamedRef),
});
export type SchedulingSetup = z.infer<typeof SchedulingSetup>;

// ---- Staff day view ----

export const StaffAppointmentStatus = z.enum(['proposed', 'booked', 'arrived', 'checked-in', 'fulfilled', 'cancelled', 'noshow']);
export type StaffAppointmentStatus = z.infer<typeof StaffAppointmentStatus>;

export const StaffDayAppointment = z.object({
  id: z.string(),
  practitionerId: z.string(),
  locationId: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  /** "HH:MM" on the clinic's clock. */
  start: z.string(),
  end: z.string(),
  patient: z.object({ id: z.string(), name: z.string() }),
  visitType: z.object({ id: z.string(), nameEn: z.string(), nameEs: z.string() }),
  status: StaffAppointmentStatus,
  echeckinDone: z.boolean(),
});
export type StaffDayAppointment = z.infer<typeof StaffDayAppointment>;

/** GET /api/staff/schedule?date=YYYY-MM-DD&practitioner=<id> */
export const StaffDayQuery = z.object({
  date: z.string().regex(DAY, 'Enter the day as year-month-day, for example 2026-12-24.').optional(),
  practitioner: z.string().regex(FHIR_ID, 'Choose a clinician from the list.').optional(),
});
export const StaffDaySchedule = z.object({
  date: z.string(),
  timeZone: z.string(),
  clinicians: z.array(SetupNamedRef),
  locations: z.array(SetupNamedRef),
  appointments: z.array(StaffDayAppointment),
  /** Appointments of patients outside the staff member's care team: counted, not shown. */
  hiddenCount: z.number(),
});
export type StaffDaySchedule = z.infer<typeof StaffDaySchedule>;

/** POST /api/staff/schedule/appointments/:id/status — check in (arrived), no-show (noshow) or undo (booked). */
export const StaffStatusChange = z.object({
  status: z.enum(['arrived', 'noshow', 'booked'], { error: 'Choose check in (arrived), no-show (noshow) or undo (booked).' }),
});
export type StaffStatusChange = z.infer<typeof StaffStatusChange>;
