import { useRouter } from '../../router/router.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';

/** The record a proxy is looking at (?patient=), else the user's own (undefined). */
export function usePatientInContext() {
  const { search } = useRouter();
  const { me } = useSignedIn();
  const asked = new URLSearchParams(search).get('patient');
  const patient = asked ? me?.patients.find((p) => p.id === asked) : undefined;
  return { patient, patientId: patient?.id };
}

/** A page path that keeps the record in context. */
export function withPatient(path: string, patientId: string | undefined, more: Record<string, string> = {}): string {
  const params = new URLSearchParams(more);
  if (patientId) params.set('patient', patientId);
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}
