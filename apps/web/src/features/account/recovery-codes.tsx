import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

type RecoveryCodesViewProps = { codes: readonly string[]; onDone: () => void };

/** New recovery codes, shown once: the person copies or prints them, then says they saved them. */
export function RecoveryCodesView({ codes, onDone }: RecoveryCodesViewProps) {
  const { t } = useTranslation('account');
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);

  // The codes replace the form the person was using, so take them there.
  useEffect(() => headingRef.current?.focus(), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(codes.join('\n'));
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  }

  return (
    <section aria-labelledby="recovery-codes-heading" className="card card--important printable">
      <h2 id="recovery-codes-heading" ref={headingRef} tabIndex={-1} className="card__title">
        {t('recovery.newTitle')}
      </h2>
      <p>{t('recovery.newIntro')}</p>
      <p className="strong">{t('recovery.onceWarning')}</p>
      <ol className="recovery-codes" aria-label={t('recovery.listLabel')}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="actions no-print">
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          {t('recovery.copy')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => window.print()}>
          {t('recovery.print')}
        </button>
        <button type="button" className="button button--primary" onClick={onDone}>
          {t('recovery.saved')}
        </button>
      </div>
      <p role="status" className="no-print">
        {copied === 'yes' ? t('recovery.copied') : copied === 'no' ? t('recovery.copyFailed') : ''}
      </p>
    </section>
  );
}
