import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../../router/router.tsx';
import { usePatientContext } from '../../session/patient-context.tsx';
import { featureForPath } from '../../shell/nav-items.ts';
import './record-switcher.css';

// The shell's part of proxy access: the "Viewing record of" switcher in the header and the line
// under it saying whose record this is. Words are in `common` (the shell is in the main bundle).

/**
 * A native select and a "Switch" button, so moving through the choices with the arrow keys
 * does not change the page under the person (WCAG 3.2.2); only shown with more than one record.
 */
export function RecordSwitcher() {
  const { patients, current } = usePatientContext();
  // Outside the keyed form, so the announcement outlives the switch it announces.
  const [announced, setAnnounced] = useState('');
  if (patients.length < 2 || !current) return null;
  // Keyed so the choice follows a switch made elsewhere (a link to another record).
  return (
    <div className="record-switcher">
      <SwitcherForm key={current.id} onSwitched={setAnnounced} />
      <p role="status" className="visually-hidden">
        {announced}
      </p>
    </div>
  );
}

function SwitcherForm({ onSwitched }: { onSwitched: (announcement: string) => void }) {
  const { t } = useTranslation('common');
  const { patients, current, switchTo } = usePatientContext();
  const [choice, setChoice] = useState(current?.id ?? '');
  const id = useId();

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = patients.find((p) => p.id === choice);
    if (!next || next.id === current?.id) return;
    onSwitched(t('record.switched', { name: next.name }));
    switchTo(next.id);
  }

  return (
    <form className="record-switcher__form" onSubmit={handleSubmit}>
      <label htmlFor={id} className="record-switcher__label">
        {t('record.switcherLabel')}
      </label>
      <div className="record-switcher__controls">
        <select id={id} className="record-switcher__select" value={choice} onChange={(event) => setChoice(event.target.value)}>
          {patients.map((p) => (
            <option key={p.id} value={p.id}>
              {p.relationship === 'self' ? t('record.own', { name: p.name }) : p.name}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t('record.switch')}
        </button>
      </div>
    </form>
  );
}

/**
 * "You are viewing Lily Chen's record." on every page of someone else's record (not on the pages
 * that are always the user's own: account, sharing, notifications), and the notice when access ended.
 */
export function RecordBanner() {
  const { t } = useTranslation('common');
  const { path } = useRouter();
  const { current, isProxyView, gone } = usePatientContext();
  const isRecordPage = path === '/' || featureForPath(path.length > 1 ? path.replace(/\/$/, '') : path) !== null;
  return (
    <>
      {gone ? (
        <p role="alert" className="notice notice--info record-banner">
          {gone.hasOwn ? t('record.gone', { name: gone.name }) : t('record.goneNoOwn', { name: gone.name })}
        </p>
      ) : null}
      {isProxyView && current && isRecordPage ? <p className="record-banner record-banner--proxy">{t('record.viewing', { name: current.name })}</p> : null}
    </>
  );
}
