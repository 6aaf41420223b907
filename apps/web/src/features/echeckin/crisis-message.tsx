import './words.ts';
import { useTranslation } from 'react-i18next';

/**
 * Shown at once when a PHQ-9 item 9 answer is above zero: supportive words, the 988 Suicide &
 * Crisis Lifeline (call or text) and 911. A named region (findable by landmark), whose words are an
 * alert so a screen reader says them straight away.
 */
export function CrisisMessage() {
  const { t } = useTranslation('echeckin');
  return (
    <section aria-labelledby="crisis-title" className="crisis">
      <div role="alert" className="crisis__words">
        <h2 id="crisis-title" className="crisis__title">
          {t('crisis.title')}
        </h2>
        <p>{t('crisis.body')}</p>
        <p className="strong">{t('crisis.lifeline')}</p>
        <p className="strong">{t('crisis.danger')}</p>
      </div>
      <ul className="inline-list crisis__links">
        <li>
          <a className="button button--primary" href="tel:988">{t('crisis.call988')}</a>
        </li>
        <li>
          <a className="button button--secondary" href="sms:988">{t('crisis.text988')}</a>
        </li>
        <li>
          <a className="button button--secondary" href="tel:911">{t('crisis.call911')}</a>
        </li>
      </ul>
      <p>{t('crisis.careTeam')}</p>
    </section>
  );
}
