import './words.ts';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { WaitlistEntry } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { FormAlert, SubmitButton, useSubmit } from '../account/fields.tsx';
import { isStatus } from '../account/use-signed-in.ts';
import { askForEarlierTime, stopLooking } from './waitlist-api.ts';
import { WEEKDAYS, formatDay, weekdayName } from './waitlist-words.ts';
import './waitlist.css';

type EarlierTimeProps = {
  appointmentId: string;
  /** The clinician of the visit (for "Only Dr. Patel"). */
  clinicianName: string | null;
  /** The active entry of this visit, if the patient is already waiting. */
  entry: WaitlistEntry | undefined;
  timeZone: string;
  patientId: string | undefined;
  /** After a change: reload, and announce `notice` on the page. */
  onChanged: (notice: string) => void;
  onApiError: (error: unknown) => void;
};

/**
 * "Get an earlier time" for one upcoming visit: a button that opens a small form (any clinician,
 * earliest day, days of the week), or, while the patient waits, what they asked for and
 * "Stop looking". For the appointments page to put under each upcoming visit.
 */
export function EarlierTime(props: EarlierTimeProps) {
  return props.entry?.status === 'active' ? <Waiting {...props} entry={props.entry} /> : <AskForm {...props} />;
}

function Waiting({ entry, clinicianName, timeZone, patientId, onChanged, onApiError }: EarlierTimeProps & { entry: WaitlistEntry }) {
  const { t, i18n } = useTranslation('waitlist');
  const locale = i18n.resolvedLanguage ?? 'en';
  const { isPending, failureText, run } = useSubmit(onApiError);
  const who = entry.practitioner ? t('entry.sameClinician', { name: entry.practitioner.name || clinicianName || '' }) : t('entry.anyClinician');
  const days = entry.weekdays ? entry.weekdays.map((d) => weekdayName(t, d)).join(', ') : t('entry.anyDay');

  async function stop() {
    if (isPending) return;
    const result = await run(() => stopLooking(entry.id, patientId));
    if (result.ok) onChanged(t('entry.stopped'));
  }

  return (
    <div className="waitlist-entry">
      <p className="strong">{t('entry.waiting')}</p>
      <ul className="waitlist-entry__wishes">
        <li>{who}</li>
        {entry.earliestDay ? <li>{t('entry.from', { date: formatDay(entry.earliestDay, locale, timeZone) })}</li> : null}
        <li>{t('entry.days', { days })}</li>
      </ul>
      <p className="item__detail">{t('entry.since', { date: formatDay(entry.createdAt, locale, timeZone) })}</p>
      <FormAlert message={failureText} />
      <button type="button" className="button button--secondary" aria-disabled={isPending || undefined} onClick={() => void stop()}>
        {isPending ? t('working') : t('entry.stop')}
      </button>
    </div>
  );
}

function AskForm({ appointmentId, patientId, onChanged, onApiError }: EarlierTimeProps) {
  const { t } = useTranslation('waitlist');
  const dayId = useId();
  const [open, setOpen] = useState(false);
  // Opening moves focus into the form (the button is gone); Cancel brings it back to the button.
  const [moveFocus, setMoveFocus] = useState(false);
  const firstFieldRef = useRef<HTMLInputElement>(null);
  const openButtonRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!moveFocus) return;
    (open ? firstFieldRef : openButtonRef).current?.focus();
    setMoveFocus(false);
  }, [open, moveFocus]);
  const [anyClinician, setAnyClinician] = useState(false);
  const [earliestDay, setEarliestDay] = useState('');
  const [days, setDays] = useState<number[]>([]);
  const { isPending, failure, failureText, run } = useSubmit(onApiError);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const result = await run(() => askForEarlierTime({
      appointmentId, anyClinician, ...(earliestDay ? { earliestDay } : {}), ...(days.length ? { weekdays: days } : {}),
    }, patientId));
    if (result.ok) onChanged(t('form.sent'));
  }

  if (!open) {
    return (
      <button
        ref={openButtonRef} type="button" className="button button--secondary" aria-expanded="false"
        onClick={() => {
          setOpen(true);
          setMoveFocus(true);
        }}
      >
        {t('entry.get')}
      </button>
    );
  }
  return (
    <form className="inline-form waitlist-form" onSubmit={(event) => void submit(event)} noValidate aria-label={t('form.title')}>
      <FormAlert message={isStatus(failure, 409) ? t('form.already') : failureText} />
      <p className="strong">{t('form.title')}</p>
      <label className="waitlist-check">
        <input ref={firstFieldRef} type="checkbox" name="anyClinician" checked={anyClinician} onChange={(event) => setAnyClinician(event.target.checked)} />
        <span>{t('form.anyClinician')}</span>
      </label>
      <div className="field">
        <label className="field__label" htmlFor={dayId}>
          {t('form.earliestDay')}
        </label>
        <p id={`${dayId}-hint`} className="field__hint">
          {t('form.earliestDayHint')}
        </p>
        <input
          id={dayId} type="date" name="earliestDay" className="field__input waitlist-form__day" aria-describedby={`${dayId}-hint`}
          value={earliestDay} onChange={(event) => setEarliestDay(event.target.value)}
        />
      </div>
      <fieldset className="waitlist-form__days">
        <legend>{t('form.days')}</legend>
        <p className="field__hint">{t('form.daysHint')}</p>
        {WEEKDAYS.map((day) => (
          <label key={day} className="waitlist-check">
            <input
              type="checkbox" name="weekdays" value={day} checked={days.includes(day)}
              onChange={(event) => setDays(event.target.checked ? [...days, day].sort() : days.filter((d) => d !== day))}
            />
            <span>{weekdayName(t, day)}</span>
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <SubmitButton isPending={isPending} label={t('form.submit')} pendingLabel={t('working')} />
        <button
          type="button" className="button button--secondary"
          onClick={() => {
            setOpen(false);
            setMoveFocus(true);
          }}
        >
          {t('form.cancel')}
        </button>
      </div>
    </form>
  );
}
