import { useCallback, useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Availability, TimeOption } from '@ourchart/contracts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { getAvailability } from './appointments-api.ts';
import { formatDay, formatTime, zoneName } from './appointment-words.ts';

type TimePickerProps = {
  visitTypeId: string;
  practitionerId?: string | undefined;
  locationId?: string | undefined;
  /** Reschedule: this visit's own time counts as free. */
  appointmentId?: string | undefined;
  patientId: string | undefined;
  /** Several clinicians ("first available"): say who each time is with. */
  showClinician: boolean;
  value: TimeOption | null;
  onChange: (time: TimeOption, timeZone: string) => void;
  onApiError: (error: unknown) => void;
};

const key = (t: TimeOption) => `${t.startsAt}|${t.practitionerId}|${t.locationId}`;

/**
 * The day and time step: the next days that have open times, each a group of radio buttons named
 * by the day, with the clinic's time zone said once. "Show later times" adds the following days.
 */
export function TimePicker({ visitTypeId, practitionerId, locationId, appointmentId, patientId, showClinician, value, onChange, onApiError }: TimePickerProps) {
  const { t, i18n } = useTranslation('appointments');
  const locale = i18n.resolvedLanguage ?? 'en';
  const name = useId();
  const [pages, setPages] = useState<Availability[]>([]);
  const [state, setState] = useState<{ status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready' }>({ status: 'loading' });

  const load = useCallback(async (from?: string) => {
    setState({ status: 'loading' });
    try {
      const page = await getAvailability({ visitType: visitTypeId, practitioner: practitionerId, location: locationId, appointment: appointmentId, patient: patientId, from });
      setPages((before) => (from ? [...before, page] : [page]));
      setState({ status: 'ready' });
    } catch (error) {
      onApiError(error);
      setState({ status: 'error', error });
    }
  }, [visitTypeId, practitionerId, locationId, appointmentId, patientId, onApiError]);

  useEffect(() => {
    setPages([]);
    void load();
  }, [load]);

  const days = pages.flatMap((p) => p.days);
  const timeZone = pages[0]?.timeZone ?? 'America/Chicago';
  const next = pages.at(-1)?.next ?? null;
  // One choice per start time: with "first available", the first clinician free then (named).
  const choices = (times: TimeOption[]) => times.filter((time, i) => times.findIndex((x) => x.startsAt === time.startsAt) === i);

  return (
    <div className="time-picker">
      {pages.length > 0 ? <p className="strong">{t('timeZoneNote', { zone: zoneName(locale, timeZone) })}</p> : null}
      {pages.length > 0 && days.length === 0 ? <p>{t('new.when.none')}</p> : null}
      {days.map((day) => {
        const options = choices(day.times);
        return (
          <fieldset key={day.date} className="choice-group time-picker__day">
            <legend>
              {formatDay(day.date, locale)} <span className="item__detail">({t('new.when.dayCount', { count: options.length })})</span>
            </legend>
            <div className="time-picker__times">
              {options.map((time) => (
                <label key={key(time)} className="choice choice--time">
                  <input type="radio" name={name} value={key(time)} checked={value !== null && key(value) === key(time)} onChange={() => onChange(time, timeZone)} />
                  <span>
                    {showClinician
                      ? t('new.when.timeWith', { time: formatTime(time.startsAt, locale, timeZone), name: time.practitionerName })
                      : formatTime(time.startsAt, locale, timeZone)}
                  </span>
                </label>
              ))}
            </div>
          </fieldset>
        );
      })}
      {state.status === 'loading' ? <Loading text={t('new.when.loading')} /> : null}
      {state.status === 'error' ? <LoadFailed error={state.error} onRetry={() => void load()} /> : null}
      {state.status === 'ready' && next ? (
        <button type="button" className="button button--secondary" onClick={() => void load(next)}>{t('new.when.later')}</button>
      ) : null}
    </div>
  );
}
