import { useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from '../../router/router.tsx';
import { CorrectionStatus } from '../corrections/correction-status.tsx';

export type Fact = { label: string; value: ReactNode };

type RecordItemProps = {
  name: string;
  /** FHIR type and id, for the correction request ("MedicationRequest/abc"). */
  item: string;
  /** Label and value pairs; empty values are skipped. */
  facts: readonly (Fact | null | false | undefined | '')[];
  /** Marks something a reader must not miss, such as a high-risk allergy (the words say so too). */
  isImportant?: boolean;
  children?: ReactNode;
  /** Shown after the facts, before the correction link (the Medications page's refill control). */
  footer?: ReactNode;
};

/** One medicine, allergy or condition: its name as a heading, its facts, and a way to ask for a correction. */
export function RecordItem({ name, item, facts, isImportant = false, children, footer }: RecordItemProps) {
  const { t } = useTranslation('records');
  const headingId = useId();
  const shown = facts.filter((f): f is Fact => !!f && f.value !== null && f.value !== undefined && f.value !== '');
  return (
    <li className={isImportant ? 'record-item record-item--important' : 'record-item'}>
      <h3 id={headingId} className="record-item__name">
        {name}
      </h3>
      {children}
      {shown.length > 0 ? (
        <dl className="record-item__facts">
          {shown.map((f) => (
            <div key={f.label} className="record-item__fact">
              <dt>{f.label}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {footer}
      <CorrectionStatus item={item} />
      <p className="record-item__actions">
        <Link href={`/corrections?item=${encodeURIComponent(item)}`}>
          {t('correction')}
          <span className="visually-hidden"> {t('correctionAbout', { name })}</span>
        </Link>
      </p>
    </li>
  );
}
