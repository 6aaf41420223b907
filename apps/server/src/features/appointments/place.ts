import type { Location, Organization, Practitioner } from '@medplum/fhirtypes';
import { DateTime } from 'luxon';

export type Place = { name: string; address: string; phone: string | null };

/** A Location as people read it: its name, one-line address and phone. */
export function placeOf(location: Location | undefined): Place {
  const a = location?.address;
  const address = a ? [...(a.line ?? []), [a.city, [a.state, a.postalCode].filter(Boolean).join(' ')].filter(Boolean).join(', ')].filter(Boolean).join(', ') : '';
  return { name: location?.name ?? '', address, phone: location?.telecom?.find((t) => t.system === 'phone')?.value ?? null };
}

/** The clinic's phone: the location's, else its managing organization's. */
export function clinicPhone(location: Location | undefined, organization: Organization | undefined): string | null {
  return placeOf(location).phone ?? organization?.telecom?.find((t) => t.system === 'phone')?.value ?? null;
}

export function practitionerName(p: Practitioner | undefined): string {
  const n = p?.name?.[0];
  if (!n) return '';
  return n.text ?? [...(n.prefix ?? []), ...(n.given ?? []), n.family].filter(Boolean).join(' ');
}

export function directionsUrl(place: Place): string | null {
  const q = place.address || place.name;
  return q ? `https://www.openstreetmap.org/search?query=${encodeURIComponent(q)}` : null;
}

/** "Tuesday, December 8, 2026 at 10:00 AM CST", in the clinic's time zone and the reader's language. */
export function spokenTime(at: Date, timeZone: string, locale: 'en' | 'es'): string {
  const d = DateTime.fromJSDate(at, { zone: timeZone }).setLocale(locale === 'es' ? 'es-US' : 'en-US');
  return locale === 'es'
    ? `${d.toFormat("cccc d 'de' LLLL 'de' yyyy")}, a las ${d.toFormat('h:mm a')} (${d.toFormat('ZZZZ')})`
    : `${d.toFormat('cccc, LLLL d, yyyy')} at ${d.toFormat('h:mm a')} (${d.toFormat('ZZZZ')})`;
}
