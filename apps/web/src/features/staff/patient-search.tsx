import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { StaffPatient } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { FormAlert, SubmitButton, TextInput, useSubmit } from '../account/fields.tsx';
import { PatientCard } from './patient-card.tsx';
import { searchPatients } from './staff-api.ts';

type PatientSearchProps = {
  /** Run a search for this at once (e.g. the birth date of a new sign-up). */
  initialQuery?: string;
  /** The button or link each result offers. */
  renderAction: (patient: StaffPatient) => ReactNode;
  onApiError: (error: unknown) => void;
};

/** Search by name, MRN or date of birth, with the results as a list. */
export function PatientSearch({ initialQuery = '', renderAction, onApiError }: PatientSearchProps) {
  const { t } = useTranslation('staff');
  const [query, setQuery] = useState(initialQuery);
  const [tooShort, setTooShort] = useState(false);
  const [results, setResults] = useState<StaffPatient[] | null>(null);
  const { isPending, failureText, run } = useSubmit(onApiError);
  const inputRef = useRef<HTMLInputElement>(null);
  const resultsId = useId();

  async function search(text: string) {
    if (text.trim().length < 2) {
      setTooShort(true);
      inputRef.current?.focus();
      return;
    }
    setTooShort(false);
    const result = await run(() => searchPatients(text.trim()));
    setResults(result.ok ? result.value.patients : null);
  }

  useEffect(() => {
    if (initialQuery) void search(initialQuery);
    // Only the first time: later searches come from the form.
  }, []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isPending) void search(query);
  }

  const error = tooShort ? t('search.tooShort') : null;
  return (
    <div className="inline-form">
      <form role="search" className="inline-form" onSubmit={handleSubmit} noValidate aria-label={t('search.title')}>
        <FormAlert message={error ?? failureText} />
        <TextInput
          label={t('search.label')}
          description={t('search.hint')}
          name="q"
          type="search"
          autoComplete="off"
          maxLength={100}
          isRequired
          value={query}
          onChange={setQuery}
          error={error}
          inputRef={inputRef}
        />
        <div className="actions">
          <SubmitButton isPending={isPending} label={t('search.submit')} pendingLabel={t('search.searching')} />
        </div>
      </form>
      <p role="status" id={resultsId}>
        {results === null ? '' : results.length === 0 ? t('search.none') : t('search.found', { count: results.length })}
      </p>
      {results && results.length > 0 ? (
        <ul className="item-list" aria-labelledby={resultsId}>
          {results.map((patient) => (
            <PatientCard key={patient.id} patient={patient} action={renderAction(patient)} />
          ))}
        </ul>
      ) : null}
    </div>
  );
}
