import type { FormItem } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { OTHER, codeOf, labelOf, otherKey, type FormValue, type FormValues } from './form-values.ts';

/** The DOM id of an item's input (or of its first option): the error summary links here. */
export const fieldId = (linkId: string) => `q-${linkId.replace(/[^\w-]/g, '_')}`;
export const errorId = (linkId: string) => `${fieldId(linkId)}-error`;

type FieldProps = {
  item: FormItem;
  values: FormValues;
  onChange: (key: string, value: FormValue) => void;
  error: string | null;
};

function Label({ item }: { item: FormItem }) {
  const { t } = useTranslation('questionnaire');
  return (
    <>
      {item.prefix ? <span className="questionnaire__prefix">{item.prefix} </span> : null}
      {item.text}
      {item.required ? <span className="questionnaire__required"> {t('required')}</span> : null}
    </>
  );
}

function ErrorText({ item, error }: { item: FormItem; error: string | null }) {
  return error ? (
    <p id={errorId(item.linkId)} className="field__error">
      {error}
    </p>
  ) : null;
}

/** Radio buttons (one answer) or check boxes (repeats) in a fieldset whose legend is the question. */
function ChoiceField({ item, values, onChange, error }: FieldProps) {
  const { t } = useTranslation('questionnaire');
  const id = fieldId(item.linkId);
  const raw = values[item.linkId];
  const chosen = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const multiple = Boolean(item.repeats);
  const options = (item.answerOption ?? []).map((o) => ({ code: codeOf(o), label: labelOf(o) }));
  if (item.type === 'open-choice') options.push({ code: OTHER, label: t('other') });
  const pick = (code: string, checked: boolean) => {
    if (!multiple) return onChange(item.linkId, code);
    onChange(item.linkId, checked ? [...chosen, code] : chosen.filter((c) => c !== code));
  };
  const hintId = `${id}-hint`;
  return (
    <fieldset className="field questionnaire__choice" aria-describedby={[multiple ? hintId : null, error ? errorId(item.linkId) : null].filter(Boolean).join(' ') || undefined}>
      <legend className="field__label">
        <Label item={item} />
      </legend>
      {multiple ? (
        <p id={hintId} className="field__hint">
          {t('chooseAll')}
        </p>
      ) : null}
      <ErrorText item={item} error={error} />
      {options.map((o, i) => (
        <label key={o.code} className="questionnaire__option">
          <input
            id={i === 0 ? id : undefined}
            type={multiple ? 'checkbox' : 'radio'}
            name={id}
            value={o.code}
            checked={chosen.includes(o.code)}
            aria-invalid={error ? true : undefined}
            onChange={(event) => pick(o.code, event.target.checked)}
          />{' '}
          {o.label}
        </label>
      ))}
      {chosen.includes(OTHER) ? (
        <div className="field">
          <label className="field__label" htmlFor={`${id}-other`}>
            {t('otherLabel')}
          </label>
          <input
            id={`${id}-other`}
            className="field__input"
            value={String(values[otherKey(item.linkId)] ?? '')}
            maxLength={item.maxLength ?? 200}
            onChange={(event) => onChange(otherKey(item.linkId), event.target.value)}
          />
        </div>
      ) : null}
    </fieldset>
  );
}

/** Yes / No as two radio buttons (clearer than one check box, and "not answered" stays possible). */
function BooleanField({ item, values, onChange, error }: FieldProps) {
  const { t } = useTranslation('questionnaire');
  const id = fieldId(item.linkId);
  const value = values[item.linkId];
  return (
    <fieldset className="field questionnaire__choice" aria-describedby={error ? errorId(item.linkId) : undefined}>
      <legend className="field__label">
        <Label item={item} />
      </legend>
      <ErrorText item={item} error={error} />
      {(['yes', 'no'] as const).map((v, i) => (
        <label key={v} className="questionnaire__option">
          <input id={i === 0 ? id : undefined} type="radio" name={id} value={v} checked={value === v} aria-invalid={error ? true : undefined} onChange={() => onChange(item.linkId, v)} />{' '}
          {t(v)}
        </label>
      ))}
    </fieldset>
  );
}

/** A single input: text, long text, whole number, number or date. */
function InputField({ item, values, onChange, error }: FieldProps) {
  const id = fieldId(item.linkId);
  const value = String(values[item.linkId] ?? '');
  const common = {
    id,
    name: id,
    className: item.type === 'text' ? 'field__input field__textarea' : 'field__input',
    value,
    'aria-required': item.required || undefined,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId(item.linkId) : undefined,
  };
  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        <Label item={item} />
      </label>
      <ErrorText item={item} error={error} />
      {item.type === 'text' ? (
        <textarea {...common} rows={4} maxLength={item.maxLength} onChange={(event) => onChange(item.linkId, event.target.value)} />
      ) : (
        <input
          {...common}
          type={item.type === 'date' ? 'date' : 'text'}
          inputMode={item.type === 'integer' ? 'numeric' : item.type === 'decimal' ? 'decimal' : undefined}
          maxLength={item.type === 'string' ? item.maxLength : undefined}
          onChange={(event) => onChange(item.linkId, event.target.value)}
        />
      )}
    </div>
  );
}

/** One question of any supported type. */
export function QuestionField(props: FieldProps) {
  switch (props.item.type) {
    case 'choice': case 'open-choice': return <ChoiceField {...props} />;
    case 'boolean': return <BooleanField {...props} />;
    default: return <InputField {...props} />;
  }
}
