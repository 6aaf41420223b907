import { useId } from 'react';
import type { Ref } from 'react';
import type { ProxyFeature, ProxyRelationship, ProxyScope } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { SCOPES, featuresToName, listInWords } from './scope-words.ts';

// Form pieces of the proxy pages (scope checkboxes, relationship radios, words); the text, date
// and number inputs are InputField from components/native-fields.tsx.

type ScopeCheckboxesProps = {
  value: ReadonlySet<ProxyScope>;
  onChange: (next: Set<ProxyScope>) => void;
  error?: string | null;
  /** The first checkbox, to focus when none is ticked at submit. */
  firstRef?: Ref<HTMLInputElement>;
  legend?: string;
};

/** The five scopes, each with a one-line explanation. */
export function ScopeCheckboxes({ value, onChange, error, firstRef, legend }: ScopeCheckboxesProps) {
  const { t } = useTranslation('proxies');
  const id = useId();
  const errorId = `${id}-error`;
  return (
    <fieldset className="choice-group" aria-describedby={error ? errorId : undefined}>
      <legend>{legend ?? t('form.scopesLegend')}</legend>
      {error ? (
        <p id={errorId} className="field__error">
          {error}
        </p>
      ) : null}
      {SCOPES.map((scope, index) => (
        <div key={scope} className="choice">
          <input
            id={`${id}-${scope}`}
            ref={index === 0 ? firstRef : undefined}
            type="checkbox"
            name="scopes"
            value={scope}
            checked={value.has(scope)}
            aria-invalid={error ? true : undefined}
            aria-describedby={`${id}-${scope}-hint`}
            onChange={(event) => {
              const next = new Set(value);
              if (event.target.checked) next.add(scope);
              else next.delete(scope);
              onChange(next);
            }}
          />
          <label htmlFor={`${id}-${scope}`}>{t(`scope.${scope}`)}</label>
          <p id={`${id}-${scope}-hint`} className="field__hint">
            {t(`scopeHint.${scope}`)}
          </p>
        </div>
      ))}
    </fieldset>
  );
}

const RELATIONSHIPS: readonly ProxyRelationship[] = ['parent', 'guardian', 'caregiver'];

/** Parent, legal guardian or caregiver, as radio buttons. */
export function RelationshipRadios({ value, onChange, legend }: { value: ProxyRelationship; onChange: (r: ProxyRelationship) => void; legend: string }) {
  const { t } = useTranslation('proxies');
  const id = useId();
  return (
    <fieldset className="choice-group">
      <legend>{legend}</legend>
      {RELATIONSHIPS.map((r) => (
        <div key={r} className="choice">
          <input id={`${id}-${r}`} type="radio" name={`${id}-relationship`} value={r} checked={value === r} onChange={() => onChange(r)} />
          <label htmlFor={`${id}-${r}`}>{t(`relationship.${r}`)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** "Can see vaccines and manage appointments." from a grant's features. */
export function useCanDo(): (features: readonly ProxyFeature[]) => string {
  const { t, i18n } = useTranslation('proxies');
  return (features) => {
    const names = featuresToName(features).map((f) => t(`feature.${f}`));
    return names.length ? t('canDo', { list: listInWords(names, i18n.resolvedLanguage ?? 'en') }) : t('canDoNothing');
  };
}

/** A day for people: the grant's dates are stored as the end of a chosen day in UTC, so they are shown in UTC. */
export function useFormatDay(): (iso: string) => string {
  const { i18n } = useTranslation('proxies');
  const format = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'en', { dateStyle: 'long', timeZone: 'UTC' });
  return (iso) => format.format(new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso));
}

/** The server's field messages (problem.errors) by field path. */
export function fieldErrors(problem: { errors?: { path: string; message: string }[] } | undefined): Record<string, string> {
  return Object.fromEntries((problem?.errors ?? []).map((e) => [e.path, e.message]));
}
