import { PRACTITIONERS } from './clinic.ts';
import type { PatientKey, SeedPatient } from './patients.ts';

/** A portal login created by the seed. */
export type DemoAccount = {
  email: string;
  password: string;
  role: 'patient' | 'clinician' | 'nurse' | 'staff' | 'admin';
  displayName: string;
  /** FHIR Patient id the account belongs to (patients). */
  patientId: string | null;
  /** FHIR Practitioner id (clinician, nurse). */
  practitionerId: string | null;
  proxyFor: { patientId: string; relationship: 'parent' | 'guardian' | 'caregiver' }[];
};

/** Shared by every demo login; the demo is public, so this is not a secret. */
export const DEMO_PASSWORD = 'demo-password-2026';

/**
 * The demo logins: three patients (one a parent, one a caregiver), a clinician, a nurse,
 * front-desk staff and an administrator.
 */
export function buildDemoAccounts(patients: Record<PatientKey, SeedPatient>): DemoAccount[] {
  const account = (a: Omit<DemoAccount, 'password'>): DemoAccount => ({ ...a, password: DEMO_PASSWORD });
  return [
    account({ email: 'patient@ourchart.example', role: 'patient', displayName: 'Ana Brooks', patientId: patients.ana.id, practitionerId: null, proxyFor: [] }),
    account({
      email: 'parent@ourchart.example', role: 'patient', displayName: 'David Chen', patientId: patients.david.id, practitionerId: null,
      proxyFor: [{ patientId: patients.lily.id, relationship: 'parent' }, { patientId: patients.ethan.id, relationship: 'parent' }],
    }),
    account({
      email: 'caregiver@ourchart.example', role: 'patient', displayName: 'María Hernández', patientId: patients.maria.id, practitionerId: null,
      proxyFor: [{ patientId: patients.jose.id, relationship: 'caregiver' }],
    }),
    account({ email: 'clinician@ourchart.example', role: 'clinician', displayName: 'Dr. Sarah Patel', patientId: null, practitionerId: PRACTITIONERS.familyMedicine.id, proxyFor: [] }),
    account({ email: 'nurse@ourchart.example', role: 'nurse', displayName: 'Emily Nguyen, RN', patientId: null, practitionerId: PRACTITIONERS.nurse.id, proxyFor: [] }),
    account({ email: 'frontdesk@ourchart.example', role: 'staff', displayName: 'Jordan Lee (front desk)', patientId: null, practitionerId: null, proxyFor: [] }),
    account({ email: 'admin@ourchart.example', role: 'admin', displayName: 'Riverbend Portal Admin', patientId: null, practitionerId: null, proxyFor: [] }),
  ];
}
