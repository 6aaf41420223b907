import type { VisitItem } from '@ourchart/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../router/router.tsx';
import { formatFhirDate, formatList } from '../home/format-date.ts';
import { VisitNote } from './visit-note.tsx';
import { CorrectionStatus } from '../corrections/correction-status.tsx';

/** One past visit: what, when, who, where and why, and its notes behind a show/hide button. */
export function VisitCard({ visit }: { visit: VisitItem }) {
  const { t, i18n } = useTranslation('visits');
  const locale = i18n.resolvedLanguage ?? 'en';
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const panelId = useId();
  const date = visit.start ? formatFhirDate(visit.start, locale) : null;
  const type = visit.type ?? t('visitFallback');
  const title = date ? t('visitTitle', { type, date }) : type;
  const list = (items: string[]) => (items.length ? formatList(items, locale) : null);
  const facts = [
    { label: t('date'), value: date },
    { label: t('clinician'), value: list(visit.clinicians) },
    { label: t('location'), value: visit.location },
    { label: t('reasons'), value: list(visit.reasons) },
    { label: t('diagnoses'), value: list(visit.diagnoses.map((d) => d.name)) },
  ].filter((f) => f.value);
  return (
    <li className="record-item visit">
      <h2 id={headingId} className="record-item__name">
        {title}
      </h2>
      <dl className="record-item__facts">
        {facts.map((f) => (
          <div key={f.label} className="record-item__fact">
            <dt>{f.label}</dt>
            <dd>{f.value}</dd>
          </div>
        ))}
      </dl>
      <p className="record-item__actions">
        <button type="button" className="button button--secondary" aria-expanded={open} aria-controls={panelId} onClick={() => setOpen((o) => !o)}>
          {open ? t('hideDetails') : t('showDetails')}
          <span className="visually-hidden"> {title}</span>
        </button>
        <Link href={`/corrections?item=${encodeURIComponent(`Encounter/${visit.id}`)}`}>
          {t('correction')}
          <span className="visually-hidden"> {t('correctionAbout', { name: title })}</span>
        </Link>
      </p>
      <CorrectionStatus item={`Encounter/${visit.id}`} />
      <div id={panelId} hidden={!open} className="visit__notes">
        {!open ? null : visit.notes.length === 0 ? (
          <p>{t('noNotes')}</p>
        ) : (
          <ul className="visit__note-list" aria-label={t('notesHeading')}>
            {visit.notes.map((n) => (
              <VisitNote key={n.id} note={n} />
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}
