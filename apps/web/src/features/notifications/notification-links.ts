import type { NotificationItem, Role } from '@ourchart/contracts';

/**
 * The page a notification opens, per kind. Staff open patient items from their own pages; a proxy's
 * notification about another patient carries ?patient= so the page shows that record.
 */
export function notificationHref(n: Pick<NotificationItem, 'kind' | 'entityId' | 'patientId'>, me: { role: Role; ownPatientId: string | null }): string {
  const id = n.entityId ? encodeURIComponent(n.entityId) : '';
  const forPatient = me.role === 'patient' && n.patientId !== me.ownPatientId ? `patient=${encodeURIComponent(n.patientId)}` : '';
  const withPatient = (path: string) => (forPatient ? `${path}${path.includes('?') ? '&' : '?'}${forPatient}` : path);
  switch (n.kind) {
    case 'result-available':
    case 'result-reviewed':
      return withPatient('/results');
    case 'share-viewed':
      return '/account/activity';
    case 'amendment-decided':
      return withPatient('/corrections');
    case 'care-due':
      return withPatient('/immunizations');
    case 'waitlist-offer':
    case 'waitlist-offer-taken':
      return withPatient('/appointments/offers');
    case 'appointment-reminder':
      return withPatient('/appointments');
    case 'care-alert':
      return '/staff/alerts';
    case 'proxy-granted':
    case 'proxy-ended':
      return '/sharing';
    case 'message-received':
      return withPatient(id ? `/messages/thread?id=${id}` : '/messages');
    case 'refill-decided':
      return withPatient('/refills');
    case 'payment-received':
    case 'payment-plan-reminder':
      return withPatient('/billing');
    case 'refill-waiting':
      return '/staff/refills';
    case 'insurance-reviewed':
      return withPatient('/billing/insurance');
    case 'assistance-decided':
      return withPatient('/billing/assistance');
    case 'assistance-waiting':
      return '/staff/billing/assistance';
    case 'message-waiting':
      return id ? `/staff/inbox?thread=${id}` : '/staff/inbox';
  }
}
