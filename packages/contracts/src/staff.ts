import { z } from 'zod';

/** Staff workspace (clinician, nurse, staff, admin): patient look-up, break-the-glass, enrollment. */

export const StaffPatient = z.object({
  id: z.string(),
  name: z.string(),
  birthDate: z.string().nullable(),
  mrn: z.string().nullable(),
  /** True when the patient is on one of the care teams of the staff member's organization. */
  inCareTeam: z.boolean(),
  /** True while this staff member holds break-the-glass access to the patient. */
  emergencyAccessUntil: z.string().nullable(),
});
export type StaffPatient = z.infer<typeof StaffPatient>;
/** GET /api/staff/patients?q=<name, MRN or YYYY-MM-DD> */
export const StaffPatientSearch = z.object({ patients: z.array(StaffPatient) });

/** POST /api/staff/patients/:id/break-glass: emergency access to a patient outside the care team. */
export const BreakGlassRequest = z.object({
  reason: z.string().trim().min(10, 'Say why you need this record (at least 10 characters). Your reason is recorded and sent to the practice administrator.').max(500),
});
export const BreakGlassGranted = z.object({ expiresAt: z.string() });

/** POST /api/staff/patients/:id/activation-code: a one-time code the patient uses to create an account (30 days). */
export const ActivationCode = z.object({ code: z.string(), expiresAt: z.string() });

/** Self-signups whose details matched no single patient wait for staff. */
export const PendingEnrollment = z.object({ userId: z.string(), email: z.string(), givenName: z.string(), familyName: z.string(), birthDate: z.string(), createdAt: z.string() });
export const PendingEnrollments = z.object({ enrollments: z.array(PendingEnrollment) });
export const LinkEnrollmentRequest = z.object({ patientId: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/) });

/** GET /api/admin/audit?from=&to=&userId=&patientId=&action=&format=csv */
export const AuditRow = z.object({
  seq: z.number(),
  at: z.string(),
  actorId: z.string().nullable(),
  actorEmail: z.string().nullable(),
  actorRole: z.string().nullable(),
  patientId: z.string().nullable(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  outcome: z.string(),
  ip: z.string().nullable(),
  requestId: z.string().nullable(),
});
export const AuditReport = z.object({ rows: z.array(AuditRow), truncated: z.boolean() });
export type AuditRow = z.infer<typeof AuditRow>;

/** GET /api/admin/alerts: break-the-glass and security alerts for administrators. */
export const AdminAlert = z.object({ id: z.string(), kind: z.string(), at: z.string(), message: z.string(), actorEmail: z.string().nullable(), patientId: z.string().nullable() });
export const AdminAlerts = z.object({ alerts: z.array(AdminAlert) });
