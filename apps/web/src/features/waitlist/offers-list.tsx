import './words.ts';
import { useId, useState } from 'react';
import type { WaitlistOffer } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message.ts';
import { useSubmit } from '../account/fields.tsx';
import { acceptOffer, declineOffer } from './waitlist-api.ts';
import { formatWhen } from './waitlist-words.ts';
import './waitlist.css';

/** An offer worth showing beside the visits: waiting for an answer, or taken by someone else while it would still be open. */
export function isCurrentOffer(offer: WaitlistOffer): boolean {
  return offer.status === 'offered' || (offer.status === 'taken' && Date.parse(offer.expiresAt) > Date.now());
}

type OffersListProps = {
  offers: WaitlistOffer[];
  timeZone: string;
  patientId: string | undefined;
  /** After an answer: reload, and announce `notice` on the page. */
  onChanged: (notice: string) => void;
  onApiError: (error: unknown) => void;
};

/**
 * "Offers of an earlier time": an "Earlier time available" card per open offer with Accept and
 * No thanks and when it ends, then past offers with what became of them ("Someone else took this
 * time"). Embeddable: the appointments page shows it above the visits.
 */
export function OffersList({ offers, timeZone, patientId, onChanged, onApiError }: OffersListProps) {
  const { t } = useTranslation('waitlist');
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} className="card__title">
        {t('offers.title')}
      </h2>
      {offers.length === 0 ? (
        <p>{t('offers.none')}</p>
      ) : (
        <ul className="item-list" aria-labelledby={titleId}>
          {offers.map((offer) => (
            <OfferCard key={offer.id} offer={offer} timeZone={timeZone} patientId={patientId} onChanged={onChanged} onApiError={onApiError} />
          ))}
        </ul>
      )}
    </section>
  );
}

function OfferCard({ offer, timeZone, patientId, onChanged, onApiError }: { offer: WaitlistOffer } & Omit<OffersListProps, 'offers'>) {
  const { t, i18n } = useTranslation('waitlist');
  const { t: tc } = useTranslation('common');
  const locale = i18n.resolvedLanguage ?? 'en';
  const headingId = useId();
  const { isPending, failure, run } = useSubmit(onApiError);
  const [answering, setAnswering] = useState<'accept' | 'decline' | null>(null);
  const when = formatWhen(offer.startsAt, locale, timeZone);
  const open = offer.status === 'offered';

  async function answer(kind: 'accept' | 'decline') {
    if (isPending) return;
    setAnswering(kind);
    const result = await run<unknown>(() => (kind === 'accept' ? acceptOffer(offer.id, patientId) : declineOffer(offer.id, patientId)));
    if (result.ok) onChanged(kind === 'accept' ? t('offers.acceptedNow', { date: when }) : t('offers.declinedNow'));
    // A late answer (someone else was faster) reloads too, so the card shows what happened.
    else onChanged('');
  }

  return (
    <li className={`item waitlist-offer${open ? ' waitlist-offer--open' : ''}`}>
      <article aria-labelledby={headingId} className="waitlist-offer__body">
        <h3 id={headingId} className="item__name waitlist-offer__title">
          {open ? t('offers.available') : t('offers.earlier')}
        </h3>
        <p className={`waitlist-status waitlist-status--${offer.status}`}>{t(`offers.status.${offer.status}`)}</p>
        <dl className="waitlist-details">
          <dt>{t('offers.when')}</dt>
          <dd>{when}</dd>
          <dt>{t('offers.with')}</dt>
          <dd>{offer.practitioner.name}</dd>
          <dt>{t('offers.where')}</dt>
          <dd>{offer.location.name}</dd>
        </dl>
        <p className="item__detail">
          {locale === 'es' ? offer.visitType.es : offer.visitType.en}. {t('offers.instead', { date: formatWhen(offer.currentStartsAt, locale, timeZone) })}
        </p>
        {open ? (
          <>
            <p className="strong">{t('offers.expires', { time: formatWhen(offer.expiresAt, locale, timeZone) })}</p>
            <div className="actions">
              <button type="button" className="button button--primary" aria-disabled={isPending || undefined} onClick={() => void answer('accept')}>
                {isPending && answering === 'accept' ? t('working') : t('offers.accept')}
              </button>
              <button type="button" className="button button--secondary" aria-disabled={isPending || undefined} onClick={() => void answer('decline')}>
                {isPending && answering === 'decline' ? t('working') : t('offers.decline')}
              </button>
            </div>
          </>
        ) : null}
        {offer.status === 'accepted' ? <p className="item__detail">{t('offers.accepted')}</p> : null}
        <div role="alert" className="form-alert">
          {failure ? <p className="notice notice--error">{errorMessage(failure, tc)}</p> : null}
        </div>
      </article>
    </li>
  );
}
