import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/password-field.tsx';
import { newPasswordProblem } from '../../components/password-strength.ts';
import type { PasswordProblemKey } from '../../components/password-strength.ts';
import type { PasswordCheckFor } from '../../components/use-password-check.ts';
import { changePassword } from './account-api.ts';
import { FormAlert, FormStatus, SubmitButton, TextInput, useSubmit } from './fields.tsx';
import { Section } from './section.tsx';

type Problem = { field: 'current' } | { field: 'new'; key: PasswordProblemKey } | null;

/** Change the password; the server signs out every other device. */
export function PasswordSection({ email, onApiError }: { email: string; onApiError: (error: unknown) => void }) {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation('common');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [done, setDone] = useState(false);
  const check = useRef<PasswordCheckFor | null>(null);
  const { isPending, failureText, run } = useSubmit(onApiError);
  const currentRef = useRef<HTMLInputElement>(null);
  const nextRef = useRef<HTMLInputElement>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    setDone(false);
    const newKey = newPasswordProblem(next, check.current);
    const found: Problem = !current ? { field: 'current' } : newKey ? { field: 'new', key: newKey } : null;
    setProblem(found);
    if (found) {
      (found.field === 'current' ? currentRef : nextRef).current?.focus();
      return;
    }
    const result = await run(() => changePassword(current, next));
    if (result.ok) {
      setCurrent('');
      setNext('');
      setDone(true);
    }
  }

  const currentError = problem?.field === 'current' ? t('password.errors.currentRequired') : null;
  const nextError = problem?.field === 'new' ? tCommon(problem.key) : null;
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
        <PasswordField
          label={t('password.new')}
          value={next}
          onChange={setNext}
          email={email}
          error={nextError}
          inputRef={nextRef}
          onCheck={(latest) => {
            check.current = latest;
          }}
        />
        <div className="actions">
          <SubmitButton isPending={isPending} label={t('password.submit')} pendingLabel={t('working')} />
        </div>
      </form>
    </Section>
  );
}
