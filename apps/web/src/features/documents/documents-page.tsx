import './words.ts';
import { useEffect, useState } from 'react';
import type { Me } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { DocumentListSection } from './document-list.tsx';
import { DownloadSection } from './download-section.tsx';
import { SendSection } from './send-section.tsx';
import { ShareLinksSection } from './share-links-section.tsx';
import '../../styles/forms.css';
import '../account/account.css';
import '../../styles/documents.css';

/** The patient named in ?patient=, if this user may see them; else their own record (first). */
function initialPatient(me: Me): string | null {
  const asked = new URLSearchParams(window.location.search).get('patient');
  if (asked && me.patients.some((p) => p.id === asked)) return asked;
  return me.patients[0]?.id ?? null;
}

/**
 * /documents: the patient's clinical documents, and the ONC 170.315(e)(1) tools to download the
 * record, send it by email and manage share links. Everything acts on the record chosen above.
 */
export function DocumentsPage() {
  const { t } = useTranslation('documents');
  const { me } = useSignedIn();
  const [patientId, setPatientId] = useState<string | null | undefined>(undefined);
  const [version, setVersion] = useState(0);
  useDocumentTitle(t('title'));
  useEffect(() => {
    if (me && patientId === undefined) setPatientId(initialPatient(me));
  }, [me, patientId]);

  if (!me || patientId === undefined) return <Loading text={t('loading')} />;
  if (me.patients.length === 0) {
    return (
      <>
        <PageHeading>{t('heading')}</PageHeading>
        <p className="notice">{t('noRecord')}</p>
      </>
    );
  }
  // Own record: no ?patient= at all, so the server uses the account's own.
  const own = me.patients.find((p) => p.id === patientId)?.relationship === 'self';
  const target = own ? null : patientId;
  return (
    <>
      <PageHeading>{t('heading')}</PageHeading>
      <p className="page__intro">{t('intro')}</p>
      {me.patients.length > 1 ? (
        <div className="field field--picker">
          <label className="field__label" htmlFor="documents-patient">{t('pickPatient')}</label>
          <select id="documents-patient" className="field__input" value={patientId ?? ''} onChange={(e) => setPatientId(e.target.value)}>
            {me.patients.map((p) => <option key={p.id} value={p.id}>{p.relationship === 'self' ? t('me', { name: p.name }) : p.name}</option>)}
          </select>
        </div>
      ) : null}
      <div className="cards" key={patientId ?? 'none'}>
        <DocumentListSection patientId={target} />
        <DownloadSection patientId={target} />
        <SendSection patientId={target} onSent={() => setVersion((v) => v + 1)} />
        <ShareLinksSection patientId={target} version={version} onChanged={() => undefined} />
      </div>
    </>
  );
}
