import { describe, expect, it } from 'vitest';
import { NotificationKind } from '@ourchart/contracts';
import en from '../../i18n/en/notifications.json';
import es from '../../i18n/es/notifications.json';
import { notificationHref } from './notification-links.ts';

const patient = { role: 'patient' as const, ownPatientId: 'p-self' };

describe('notifications in plain words', () => {
  it('has English and Spanish words and a page for every kind', () => {
    for (const kind of NotificationKind.options) {
      expect(en.kind[kind as keyof typeof en.kind], kind).toMatch(/\w/);
      expect(es.kind[kind as keyof typeof es.kind], kind).toMatch(/\w/);
      expect(en.kind[kind as keyof typeof en.kind]).not.toBe(es.kind[kind as keyof typeof es.kind]);
      expect(notificationHref({ kind, entityId: 'x1', patientId: 'p-self' }, patient)).toMatch(/^\//);
    }
  });

  it('opens the item, and for a proxy the record of the patient it is about', () => {
    expect(notificationHref({ kind: 'message-received', entityId: 't 1', patientId: 'p-self' }, patient)).toBe('/messages/thread?id=t%201');
    expect(notificationHref({ kind: 'message-received', entityId: 't1', patientId: 'p-child' }, patient)).toBe('/messages/thread?id=t1&patient=p-child');
    expect(notificationHref({ kind: 'result-available', entityId: 'r1', patientId: 'p-child' }, patient)).toBe('/results?patient=p-child');
    expect(notificationHref({ kind: 'care-alert', entityId: 'a1', patientId: 'p-9' }, { role: 'nurse', ownPatientId: null })).toBe('/staff/alerts');
  });
});
