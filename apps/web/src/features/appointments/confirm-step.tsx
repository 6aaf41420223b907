import { useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView, TimeOption } from '@ourchart/contracts';
import { ApiError } from '../../api/client.ts';
import { FormAlert, SubmitButton, useSubmit } from '../account/fields.tsx';
import { isStatus } from '../account/use-signed-in.ts';
import { book } from './appointments-api.ts';
import { formatWhen } from './appointment-words.ts';
import { STEP_COUNT, useFocusOnMount } from './step-form.tsx';

type ConfirmProps = {
  stepNumber: number;
  visitTypeId: string;
  visitTypeName: string;
  modality: 'in-person' | 'video';
  time: TimeOption;
  /** The clinic's time zone (from the availability answer). */
  timeZone: string;
  patientId: string | undefined;
  onApiError: (error: unknown) => void;
  onBack: () => void;
  onDone: (booked: AppointmentView) => void;
  /** Reschedule: moves the visit instead of booking a new one. */
  action?: (time: TimeOption) => Promise<AppointmentView>;
  submitLabel?: string;
  pendingLabel?: string;
};

/** Alternatives the server sent with a 409 SLOT_TAKEN. */
function alternativesOf(error: unknown): TimeOption[] | null {
  if (!isStatus(error, 409, 'SLOT_TAKEN')) return null;
  const list = ((error as ApiError).problem as { alternatives?: TimeOption[] } | undefined)?.alternatives;
  return Array.isArray(list) ? list : [];
}

/**
 * The last step: what, when (in words, clinic zone), with whom, where; then Book. When the time was
 * just taken, the step says so and offers the other open times the server sent, as radio buttons.
 */
export function ConfirmStep(props: ConfirmProps) {
  const { t, i18n } = useTranslation('appointments');
  const locale = i18n.resolvedLanguage ?? 'en';
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const [time, setTime] = useState(props.time);
  const [alternatives, setAlternatives] = useState<TimeOption[] | null>(null);
  const { isPending, failureText, run } = useSubmit(props.onApiError);
  const zone = props.timeZone;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const act = props.action ?? ((chosen: TimeOption) => book({
      visitTypeId: props.visitTypeId, practitionerId: chosen.practitionerId, locationId: chosen.locationId, startsAt: chosen.startsAt,
    }, props.patientId));
    let failed: unknown = null;
    const result = await run(async () => {
      try {
        return await act(time);
      } catch (error) {
        failed = error;
        throw error;
      }
    });
    if (result.ok) {
      props.onDone(result.value);
      return;
    }
    const offered = alternativesOf(failed);
    if (offered) {
      setAlternatives(offered);
      if (offered[0]) setTime(offered[0]);
      headingRef.current?.focus();
    }
  }

  return (
    <form className="card step" aria-labelledby="step-title" onSubmit={(event) => void submit(event)} noValidate>
      <p className="item__detail">{t('new.stepOf', { step: props.stepNumber, total: STEP_COUNT })}</p>
      <h2 id="step-title" ref={headingRef} tabIndex={-1} className="card__title">{t('new.confirm.title')}</h2>
      <FormAlert message={alternatives ? t('new.confirm.taken') : failureText} />
      {alternatives ? (
        alternatives.length === 0 ? <p>{t('new.confirm.noAlternatives')}</p> : (
          <fieldset className="choice-group">
            <legend className="strong">{t('new.confirm.alternatives')}</legend>
            {alternatives.map((a) => (
              <label key={`${a.startsAt}|${a.practitionerId}`} className="choice">
                <input type="radio" name="alternative" checked={time.startsAt === a.startsAt && time.practitionerId === a.practitionerId} onChange={() => setTime(a)} />
                <span>{formatWhen(a.startsAt, locale, zone)} · {a.practitionerName}</span>
              </label>
            ))}
          </fieldset>
        )
      ) : null}
      <dl className="appointment__facts">
        <dt>{t('new.confirm.what')}</dt>
        <dd>{props.visitTypeName}</dd>
        <dt>{t('new.confirm.when')}</dt>
        <dd>{formatWhen(time.startsAt, locale, zone)}</dd>
        <dt>{t('new.confirm.with')}</dt>
        <dd>{time.practitionerName}</dd>
        <dt>{t('new.confirm.where')}</dt>
        <dd>{props.modality === 'video' ? t('card.videoFromHome') : time.locationName}</dd>
      </dl>
      <div className="actions">
        <button type="button" className="button button--secondary" onClick={props.onBack}>{t('new.back')}</button>
        {alternatives && alternatives.length === 0 ? null : (
          <SubmitButton isPending={isPending} label={props.submitLabel ?? t('new.confirm.book')} pendingLabel={props.pendingLabel ?? t('new.confirm.working')} />
        )}
      </div>
    </form>
  );
}

