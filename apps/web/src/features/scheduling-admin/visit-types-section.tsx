import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { SetupVisitType } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, Field } from '../../components/native-fields.tsx';
import { FormAlert } from '../../components/form-alert.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { createVisitType, updateVisitType } from './scheduling-api.ts';
import type { SectionProps } from './setup-page.tsx';

type Draft = {
  id: string; nameEn: string; nameEs: string; descriptionEn: string; descriptionEs: string; durationMinutes: string;
  modality: 'in-person' | 'video'; booking: 'self' | 'request'; practitionerIds: string[]; questionnaireIds: string;
  bringEn: string; bringEs: string; active: boolean;
};

const EMPTY: Draft = {
  id: '', nameEn: '', nameEs: '', descriptionEn: '', descriptionEs: '', durationMinutes: '20', modality: 'in-person', booking: 'self',
  practitionerIds: [], questionnaireIds: '', bringEn: '', bringEs: '', active: true,
};

const toDraft = (v: SetupVisitType): Draft => ({ ...v, durationMinutes: String(v.durationMinutes), questionnaireIds: v.questionnaireIds.join(', ') });

/** Visit types: what patients can choose, listed with their main facts; staff add and edit them. */
export function VisitTypesSection({ setup, onChanged, onApiError }: SectionProps) {
  const { t, i18n } = useTranslation('schedulingAdmin');
  const [editing, setEditing] = useState<'new' | string | null>(null);
  const openerRef = useRef<HTMLButtonElement | null>(null);
  const es = i18n.resolvedLanguage === 'es';
  const clinicianNames = new Map(setup.clinicians.map((c) => [c.id, c.name]));
  const current = editing && editing !== 'new' ? setup.visitTypes.find((v) => v.id === editing) : undefined;

  function close() {
    setEditing(null);
    requestAnimationFrame(() => openerRef.current?.focus());
  }

  return (
    <section className="card" aria-labelledby="visit-types-title">
      <h2 id="visit-types-title" className="card__title">
        {t('visitTypes.title')}
      </h2>
      <p>{t('visitTypes.intro')}</p>
      {setup.visitTypes.length === 0 ? <p>{t('visitTypes.empty')}</p> : null}
      <ul className="setup-list">
        {setup.visitTypes.map((v) => {
          const name = es ? v.nameEs : v.nameEn;
          const who = v.practitionerIds.length ? v.practitionerIds.map((id) => clinicianNames.get(id) ?? id).join(', ') : t('visitTypes.anyClinician');
          return (
            <li key={v.id} className="setup-list__item">
              <div>
                <p className="strong">
                  {name} {v.active ? null : <span className="tag">{t('visitTypes.inactive')}</span>}
                </p>
                <p>
                  {[t('visitTypes.minutes', { count: v.durationMinutes }), t(v.modality === 'video' ? 'visitTypes.video' : 'visitTypes.inPerson'), t(`visitTypes.${v.booking}`), who].join(' · ')}
                </p>
              </div>
              {setup.canEdit ? (
                <button
                  type="button"
                  className="button button--secondary"
                  aria-expanded={editing === v.id}
                  onClick={(event) => {
                    openerRef.current = event.currentTarget;
                    setEditing(v.id);
                  }}
                >
                  {t('visitTypes.edit')}
                  <span className="visually-hidden"> {name}</span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {setup.canEdit && editing === null ? (
        <div className="actions">
          <button
            type="button"
            className="button button--primary"
            onClick={(event) => {
              openerRef.current = event.currentTarget;
              setEditing('new');
            }}
          >
            {t('visitTypes.add')}
          </button>
        </div>
      ) : null}
      {editing !== null && (editing === 'new' || current) ? (
        <VisitTypeForm
          key={editing}
          current={current}
          clinicians={setup.clinicians}
          onApiError={onApiError}
          onCancel={close}
          onSaved={async (saved, created) => {
            await onChanged(t(created ? 'visitTypes.created' : 'visitTypes.updated', { name: es ? saved.nameEs : saved.nameEn }));
            close();
          }}
        />
      ) : null}
    </section>
  );
}

function VisitTypeForm({ current, clinicians, onApiError, onCancel, onSaved }: {
  current: SetupVisitType | undefined; clinicians: { id: string; name: string }[]; onApiError: (error: unknown) => void;
  onCancel: () => void; onSaved: (saved: SetupVisitType, created: boolean) => Promise<void>;
}) {
  const { t, i18n } = useTranslation('schedulingAdmin');
  const [draft, setDraft] = useState<Draft>(current ? toDraft(current) : EMPTY);
  const { pending, errors, message, run, formRef } = useServerForm(onApiError);
  const titleRef = useRef<HTMLHeadingElement>(null);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const title = current ? t('visitTypes.editTitle', { name: i18n.resolvedLanguage === 'es' ? current.nameEs : current.nameEn }) : t('visitTypes.addTitle');

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const body = {
      nameEn: draft.nameEn, nameEs: draft.nameEs, descriptionEn: draft.descriptionEn, descriptionEs: draft.descriptionEs,
      durationMinutes: draft.durationMinutes.trim() === '' ? Number.NaN : Number(draft.durationMinutes), modality: draft.modality, booking: draft.booking,
      practitionerIds: draft.practitionerIds, questionnaireIds: draft.questionnaireIds.split(',').map((s) => s.trim()).filter(Boolean),
      bringEn: draft.bringEn, bringEs: draft.bringEs, sortOrder: current?.sortOrder ?? 0,
    };
    const result = await run(() => (current ? updateVisitType(current.id, { ...body, active: draft.active }) : createVisitType({ ...body, id: draft.id.trim() })));
    if (result.ok) await onSaved(result.value, !current);
  }

  const text = (key: 'nameEn' | 'nameEs' | 'descriptionEn' | 'descriptionEs' | 'bringEn' | 'bringEs', long = false) => (
    <Field label={t(`visitTypes.fields.${key}`)} error={errors[key]}>
      {(props) =>
        long ? (
          <textarea {...props} name={key} className="field__input field__textarea" rows={2} maxLength={500} value={draft[key]} onChange={(e) => set(key, e.target.value)} />
        ) : (
          <input {...props} name={key} className="field__input" maxLength={80} value={draft[key]} onChange={(e) => set(key, e.target.value)} />
        )
      }
    </Field>
  );

  return (
    <form ref={formRef} className="setup-form" noValidate onSubmit={(event) => void submit(event)} aria-labelledby="visit-type-form-title">
      <h3 id="visit-type-form-title" ref={titleRef} tabIndex={-1} className="setup-form__title">
        {title}
      </h3>
      <FormAlert message={message} problems={Object.values(errors)} summary={t('setup.fixProblems')} />
      {current ? null : (
        <Field label={t('visitTypes.fields.id')} hint={t('visitTypes.fields.idHint')} error={errors.id} className="field--picker">
          {(props) => <input {...props} name="id" className="field__input" autoCapitalize="none" spellCheck={false} maxLength={63} value={draft.id} onChange={(e) => set('id', e.target.value)} />}
        </Field>
      )}
      <div className="setup-grid">
        {text('nameEn')}
        {text('nameEs')}
      </div>
      <div className="setup-grid">
        {text('descriptionEn', true)}
        {text('descriptionEs', true)}
      </div>
      <Field label={t('visitTypes.fields.duration')} hint={t('visitTypes.fields.durationHint')} error={errors.durationMinutes} className="field--short">
        {(props) => <input {...props} name="durationMinutes" className="field__input" inputMode="numeric" value={draft.durationMinutes} onChange={(e) => set('durationMinutes', e.target.value)} />}
      </Field>
      <ChoiceGroup legend={t('visitTypes.fields.modality')} error={errors.modality}>
        {(['in-person', 'video'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name="modality" value={m} checked={draft.modality === m} onChange={() => set('modality', m)} /> {t(m === 'video' ? 'visitTypes.video' : 'visitTypes.inPerson')}
          </label>
        ))}
      </ChoiceGroup>
      <ChoiceGroup legend={t('visitTypes.fields.booking')} error={errors.booking}>
        {(['self', 'request'] as const).map((b) => (
          <label key={b}>
            <input type="radio" name="booking" value={b} checked={draft.booking === b} onChange={() => set('booking', b)} /> {t(`visitTypes.${b}`)}
          </label>
        ))}
      </ChoiceGroup>
      <ChoiceGroup legend={t('visitTypes.fields.clinicians')} hint={t('visitTypes.fields.cliniciansHint')} error={errors.practitionerIds}>
        {clinicians.map((c) => (
          <label key={c.id}>
            <input
              type="checkbox"
              name="practitionerIds"
              value={c.id}
              checked={draft.practitionerIds.includes(c.id)}
              onChange={(e) => set('practitionerIds', e.target.checked ? [...draft.practitionerIds, c.id] : draft.practitionerIds.filter((id) => id !== c.id))}
            />{' '}
            {c.name}
          </label>
        ))}
      </ChoiceGroup>
      <Field label={t('visitTypes.fields.questionnaires')} hint={t('visitTypes.fields.questionnairesHint')} error={errors.questionnaireIds}>
        {(props) => <input {...props} name="questionnaireIds" className="field__input" autoCapitalize="none" spellCheck={false} value={draft.questionnaireIds} onChange={(e) => set('questionnaireIds', e.target.value)} />}
      </Field>
      <div className="setup-grid">
        {text('bringEn', true)}
        {text('bringEs', true)}
      </div>
      {current ? (
        <label className="check">
          <input type="checkbox" name="active" checked={draft.active} onChange={(e) => set('active', e.target.checked)} /> {t('visitTypes.fields.active')}
        </label>
      ) : null}
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
          {pending ? t('working') : t('visitTypes.save')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
