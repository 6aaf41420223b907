import './words.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { FormItem, FormQuestionnaire, ItemAnswer, SavedResponse } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/error-message.ts';
import { collectAnswers, enabledItems, problemsOf, valuesFromAnswers, type FormValue, type FormValues, type Problem } from './form-values.ts';
import { ErrorSummary } from '../../components/native-fields.tsx';
import { QuestionField, fieldId } from './question-field.tsx';
import '../../styles/forms.css';
import './questionnaire.css';

type QuestionnaireFormProps = {
  questionnaire: FormQuestionnaire;
  initialAnswers: readonly ItemAnswer[];
  /** Saves a draft (QuestionnaireResponse in-progress). Called on "Save and finish later" and automatically. */
  saveDraft: (answers: ItemAnswer[]) => Promise<unknown>;
  /** Sends the finished answers; the server checks and scores them. */
  submit: (answers: ItemAnswer[]) => Promise<SavedResponse>;
  onSubmitted: (response: SavedResponse) => void;
  onApiError: (error: unknown) => void;
  /** Shown after the form (for example "Back"). */
  children?: ReactNode;
};

const AUTOSAVE_MS = 2500;

/**
 * A generic FHIR Questionnaire renderer: every supported item type, required, repeats and
 * enableWhen (disabled items are not shown and their answers are not sent). On submit, problems
 * are listed in a summary at the top that takes focus; each links to its field, and each field
 * names its problem with aria-describedby. Drafts save on "Save and finish later" and a moment
 * after each change.
 */
export function QuestionnaireForm({ questionnaire, initialAnswers, saveDraft, submit, onSubmitted, onApiError, children }: QuestionnaireFormProps) {
  const { t, i18n } = useTranslation('questionnaire');
  const { t: tc } = useTranslation('common');
  const [values, setValues] = useState<FormValues>(() => valuesFromAnswers(questionnaire.item, initialAnswers));
  const [dirty, setDirty] = useState(false);
  const [submitted, setSubmitted] = useState(false);
  const [serverProblems, setServerProblems] = useState<Map<string, string>>(new Map());
  const [saveState, setSaveState] = useState<{ kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: Date; later: boolean } | { kind: 'failed' }>({ kind: 'idle' });
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const latest = useRef(values);
  latest.current = values;

  const enabled = enabledItems(questionnaire.item, values);
  const problems = submitted ? problemsOf(questionnaire.item, values) : [];
  const message = (item: FormItem, problem: Problem) => t(problem === 'required' ? 'requiredMissing' : problem, { question: item.text ?? item.linkId, max: item.maxLength });
  const fieldErrors = new Map<string, string>(problems.map((p) => [p.item.linkId, message(p.item, p.problem)]));
  for (const [linkId, text] of serverProblems) if (!fieldErrors.has(linkId)) fieldErrors.set(linkId, text);

  const save = useCallback(async (later: boolean) => {
    setSaveState({ kind: 'saving' });
    try {
      await saveDraft(collectAnswers(questionnaire.item, latest.current));
      setDirty(false);
      setSaveState({ kind: 'saved', at: new Date(), later });
    } catch (error) {
      onApiError(error);
      setSaveState({ kind: 'failed' });
    }
  }, [saveDraft, questionnaire.item, onApiError]);

  useEffect(() => {
    if (!dirty || sending) return;
    const timer = setTimeout(() => void save(false), AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [values, dirty, sending, save]);

  function change(key: string, value: FormValue) {
    setValues((v) => ({ ...v, [key]: value }));
    setDirty(true);
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    setSubmitted(true);
    setFailure(null);
    setServerProblems(new Map());
    if (problemsOf(questionnaire.item, values).length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setSending(true);
    try {
      const response = await submit(collectAnswers(questionnaire.item, values));
      setDirty(false);
      onSubmitted(response);
    } catch (error) {
      onApiError(error);
      const errors = error instanceof ApiError ? (error.problem as { errors?: { path: string; message: string }[] } | undefined)?.errors : undefined;
      if (errors?.length) {
        setServerProblems(new Map(errors.map((e) => [e.path, e.message])));
        requestAnimationFrame(() => summaryRef.current?.focus());
      } else {
        setFailure(errorMessage(error, tc));
      }
    } finally {
      setSending(false);
    }
  }

  const summary = [...fieldErrors.entries()];
  const renderItems = (items: readonly FormItem[]): ReactNode =>
    items.filter((item) => enabled.has(item.linkId) && !item.readOnly).map((item) => {
      if (item.type === 'group') {
        return (
          <fieldset key={item.linkId} className="questionnaire__group">
            {item.text ? <legend className="questionnaire__legend">{item.text}</legend> : null}
            {renderItems(item.item ?? [])}
          </fieldset>
        );
      }
      if (item.type === 'display') return <p key={item.linkId} className="questionnaire__display">{item.text}</p>;
      return <QuestionField key={item.linkId} item={item} values={values} onChange={change} error={fieldErrors.get(item.linkId) ?? null} />;
    });

  const time = saveState.kind === 'saved' ? new Intl.DateTimeFormat(i18n.resolvedLanguage, { hour: 'numeric', minute: '2-digit' }).format(saveState.at) : '';
  return (
    <form className="questionnaire" onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={questionnaire.title}>
      <ErrorSummary
        title={t('summaryTitle')} message={failure} summaryRef={summaryRef}
        problems={summary.map(([linkId, text]) => ({ id: fieldId(linkId), text }))}
      />
      {questionnaire.description ? <p>{questionnaire.description}</p> : null}
      {renderItems(questionnaire.item)}
      <p role="status" className="questionnaire__save-status">
        {saveState.kind === 'saving' ? t('saving') : null}
        {saveState.kind === 'saved' ? (saveState.later ? t('savedLater') : t('savedAt', { time })) : null}
        {saveState.kind === 'failed' ? t('saveFailed') : null}
      </p>
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={sending || undefined}>
          {sending ? t('submitting') : t('submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => void save(true)}>
          {t('saveLater')}
        </button>
        {children}
      </div>
      {questionnaire.copyright ? (
        <details className="questionnaire__copyright">
          <summary>{t('copyright')}</summary>
          <p>{questionnaire.copyright}</p>
        </details>
      ) : null}
    </form>
  );
}
