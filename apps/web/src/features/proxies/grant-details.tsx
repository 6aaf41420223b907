import type { ReactNode } from 'react';
import type { ProxyGrantView } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useCanDo, useFormatDay } from './form-bits.tsx';

type GrantDetailsProps = {
  grant: ProxyGrantView;
  /** The note when age rules narrow the grant, worded for the reader's side. */
  ageNote?: string;
  showStatus?: boolean;
  children?: ReactNode;
};

/** One grant in words: who, relationship, what they can do, since/until, approved by. */
export function GrantDetails({ grant, ageNote, showStatus = false, children }: GrantDetailsProps) {
  const { t } = useTranslation('proxies');
  const canDo = useCanDo();
  const day = useFormatDay();
  return (
    <li className="proxy-item" aria-label={grant.name}>
      <p className="proxy-item__name strong">{grant.name}</p>
      <p>{t('relationshipIs', { relationship: t(`relationship.${grant.relationship}`) })}</p>
      <p>{canDo(grant.features)}</p>
      <p>
        {grant.status === 'scheduled' ? t('startsOn', { date: day(grant.startsAt) }) : t('since', { date: day(grant.startsAt) })}
        {'. '}
        {grant.endsAt ? t('until', { date: day(grant.endsAt) }) : t('noEnd')}.
      </p>
      {grant.approvedBy ? <p>{t('approvedBy', { name: grant.approvedBy })}</p> : null}
      {grant.approvalReason ? <p>{t('reason', { reason: grant.approvalReason })}</p> : null}
      {showStatus ? <p className="strong">{t(`staff.status.${grant.status}`)}</p> : null}
      {grant.limitedByAge && ageNote ? <p className="notice notice--info">{ageNote}</p> : null}
      {children}
    </li>
  );
}
