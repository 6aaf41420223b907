import type { ReactNode } from 'react';
import type { StaffPatient } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { formatFhirDate } from '../home/format-date.ts';
import { formatTime } from '../account/format.ts';

/** True while an emergency grant is still running. */
export function emergencyActive(until: string | null, now = Date.now()): boolean {
  return until !== null && new Date(until).getTime() > now;
}

/** One search result: name, birth date, MRN, care-team and emergency tags, and an action. */
export function PatientCard({ patient, action }: { patient: StaffPatient; action: ReactNode }) {
  const { t, i18n } = useTranslation('staff');
  const locale = i18n.resolvedLanguage ?? 'en';
  return (
    <li className="item">
      <p className="item__name">
        {patient.name}
        {patient.inCareTeam ? null : <span className="tag tag--warning">{t('patient.notOnTeam')}</span>}
        {emergencyActive(patient.emergencyAccessUntil) ? (
          <span className="tag tag--warning">
            {t('patient.emergencyTag', { time: formatTime(patient.emergencyAccessUntil!, locale) })}
          </span>
        ) : null}
      </p>
      <p className="item__detail">
        {patient.birthDate ? t('patient.born', { date: formatFhirDate(patient.birthDate, locale) }) : t('patient.bornUnknown')}
      </p>
      <p className="item__detail">{patient.mrn ? t('patient.mrn', { mrn: patient.mrn }) : t('patient.mrnUnknown')}</p>
      {action}
    </li>
  );
}
