import { useEffect, useRef } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Reason, who, when, check: the booking flow's steps (reschedule uses the last two). */
export const STEP_COUNT = 4;

/** One step: its heading (focused when the step appears), what is missing, the choices, Back and Continue. */
export function StepForm({ title, stepNumber, missing, onSubmit, onBack, submitLabel, children }: {
  title: string; stepNumber: number; missing: string | null; onSubmit: () => void; onBack?: () => void; submitLabel?: string; children: ReactNode;
}) {
  const { t } = useTranslation('appointments');
  const headingRef = useFocusOnMount<HTMLHeadingElement>();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <form className="card step" aria-labelledby="step-title" onSubmit={submit} noValidate>
      <p className="item__detail">{t('new.stepOf', { step: stepNumber, total: STEP_COUNT })}</p>
      <h2 id="step-title" ref={headingRef} tabIndex={-1} className="card__title">{title}</h2>
      <div role="alert" className="form-alert">{missing ? <p className="notice notice--error">{missing}</p> : null}</div>
      {children}
      <div className="actions">
        {onBack ? <button type="button" className="button button--secondary" onClick={onBack}>{t('new.back')}</button> : null}
        <button type="submit" className="button button--primary">{submitLabel ?? t('new.next')}</button>
      </div>
    </form>
  );
}

/** Focus the element once, when it first appears (a new step is like a new page). */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

