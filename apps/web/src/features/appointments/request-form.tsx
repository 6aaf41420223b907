import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicianOption, VisitTypeOption } from '@ourchart/contracts';
import { Link } from '../../router/router.tsx';
import { FormAlert, SubmitButton, useSubmit } from '../account/fields.tsx';
import { requestVisit } from './appointments-api.ts';
import { useFocusOnMount } from './step-form.tsx';
import { withPatient } from './patient-in-context.ts';

type RequestFormProps = {
  visitType: VisitTypeOption;
  clinicians: ClinicianOption[];
  patientId: string | undefined;
  onApiError: (error: unknown) => void;
  onBack: () => void;
};

/** For visit types the clinic books: who (or anyone) and which days work; the clinic calls back. */
export function RequestForm({ visitType, clinicians, patientId, onApiError, onBack }: RequestFormProps) {
  const { t } = useTranslation('appointments');
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const sentRef = useFocusOnMount<HTMLHeadingElement>();
  const fromId = useId();
  const toId = useId();
  const [who, setWho] = useState('anyone');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [sent, setSent] = useState(false);
  const { isPending, failureText, run } = useSubmit(onApiError);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const result = await run(() => requestVisit({
      visitTypeId: visitType.id, preferredFrom: from, preferredTo: to, ...(who !== 'anyone' ? { practitionerId: who } : {}),
    }, patientId));
    if (result.ok) setSent(true);
  }

  if (sent) {
    return (
      <section className="card card--important" aria-labelledby="sent-title">
        <h2 id="sent-title" ref={sentRef} tabIndex={-1} className="card__title">{t('new.request.title')}</h2>
        <p role="status">{t('new.request.sent')}</p>
        <p><Link className="button button--primary" href={withPatient('/appointments', patientId)}>{t('new.done.list')}</Link></p>
      </section>
    );
  }
  return (
    <form className="card step" aria-labelledby="step-title" onSubmit={(event) => void submit(event)} noValidate>
      <h2 id="step-title" ref={headingRef} tabIndex={-1} className="card__title">{t('new.request.title')}: {visitType.name}</h2>
      <p>{t('new.request.intro')}</p>
      <FormAlert message={failureText} />
      {clinicians.length > 0 ? (
        <fieldset className="choice-group">
          <legend className="strong">{t('new.request.who')}</legend>
          <label className="choice">
            <input type="radio" name="who" value="anyone" checked={who === 'anyone'} onChange={() => setWho('anyone')} />
            <span>{t('new.request.anyone')}</span>
          </label>
          {clinicians.map((c) => (
            <label key={c.id} className="choice">
              <input type="radio" name="who" value={c.id} checked={who === c.id} onChange={() => setWho(c.id)} />
              <span>{c.name}</span>
            </label>
          ))}
        </fieldset>
      ) : null}
      <div className="field">
        <label className="field__label" htmlFor={fromId}>{t('new.request.from')}</label>
        <input id={fromId} type="date" className="field__input request-form__day" value={from} onChange={(event) => setFrom(event.target.value)} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor={toId}>{t('new.request.to')}</label>
        <input id={toId} type="date" className="field__input request-form__day" value={to} onChange={(event) => setTo(event.target.value)} />
      </div>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={onBack}>{t('new.back')}</button>
        <SubmitButton isPending={isPending} label={t('new.request.send')} pendingLabel={t('new.request.working')} />
      </div>
    </form>
  );
}
