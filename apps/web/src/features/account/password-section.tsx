import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { changePassword } from './account-api.ts';
import { FormAlert, FormStatus, SubmitButton, TextInput, useSubmit } from './fields.tsx';
import { Section } from './section.tsx';

type Problem = 'currentRequired' | 'newTooShort' | null;

/** Change the password; the server signs out every other device. */
export function PasswordSection({ onApiError }: { onApiError: (error: unknown) => void }) {
  const { t } = useTranslation('account');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [done, setDone] = useState(false);
  const { isPending, failureText, run } = useSubmit(onApiError);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    setDone(false);
    const found: Problem = !current ? 'currentRequired' : next.length < 12 ? 'newTooShort' : null;
    setProblem(found);
    if (found) {
      (found === 'currentRequired' ? currentRef : nextRef).current?.focus();
      return;
    }
    const result = await run(() => changePassword(current, next));
    if (result.ok) {
      setCurrent('');
      setNext('');
      setDone(true);
    }
  }

  const currentError = problem === 'currentRequired' ? t('password.errors.currentRequired') : null;
  const nextError = problem === 'newTooShort' ? t('password.errors.newTooShort') : null;
  return (
    <Section title={t('password.title')}>
      <FormStatus message={done ? t('password.changed') : null} />
      <form className="inline-form" onSubmit={(event) => void handleSubmit(event)} noValidate>
        <p>{t('password.intro')}</p>
        <FormAlert message={currentError ?? nextError ?? failureText} />
        <TextInput
          label={t('password.current')}
          name="current-password"
          type="password"
          autoComplete="current-password"
          isRequired
          value={current}
          onChange={setCurrent}
          error={currentError}
          inputRef={currentRef}
        />
        <TextInput
          label={t('password.new')}
          description={t('password.newHint')}
          name="new-password"
          type="password"
          autoComplete="new-password"
          isRequired
          value={next}
          onChange={setNext}
          error={nextError}
          inputRef={nextRef}
        />
        <div className="actions">
          <SubmitButton isPending={isPending} label={t('password.submit')} pendingLabel={t('working')} />
        </div>
      </form>
    </Section>
  );
}
