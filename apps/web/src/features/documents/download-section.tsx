import { useState, type FormEvent } from 'react';
import type { ExportFormat } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message.ts';
import { Section } from '../account/section.tsx';
import { documentsApi } from './documents-api.ts';
import { FormatChoice } from './format-choice.tsx';
import { checkRange, defaultRange, RangeFields, type Range } from './range-fields.tsx';

/** "Download your record": dates, file type, Download. The file comes as a normal browser download. */
export function DownloadSection({ patientId }: { patientId: string | null }) {
  const { t, i18n } = useTranslation('documents');
  const { t: tc } = useTranslation('common');
  const [range, setRange] = useState<Range>(defaultRange);
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [state, setState] = useState<{ kind: 'idle' | 'pending' } | { kind: 'done'; file: string } | { kind: 'error'; message: string }>({ kind: 'idle' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (state.kind === 'pending') return;
    const found = checkRange(range);
    setErrors({ from: found.from && t(`range.errors.${found.from}`), to: found.to && t(`range.errors.${found.to}`) });
    if (found.from || found.to) return;
    setState({ kind: 'pending' });
    try {
      const file = await documentsApi.download(patientId, range, format, i18n.resolvedLanguage === 'es' ? 'es' : 'en');
      setState({ kind: 'done', file });
    } catch (error) {
      setState({ kind: 'error', message: errorMessage(error, tc) });
    }
  }

  return (
    <Section title={t('download.title')}>
      <p>{t('download.intro')}</p>
      <form className="inline-form" noValidate onSubmit={submit}>
        <RangeFields id="download" range={range} onChange={setRange} errors={errors} />
        <FormatChoice id="download" value={format} onChange={setFormat} />
        <div role="alert" className="form-alert">
          {state.kind === 'error' ? <p className="notice notice--error">{state.message}</p> : null}
        </div>
        <div role="status" className="form-alert">
          {state.kind === 'pending' ? <p className="notice">{t('download.pending')}</p> : null}
          {state.kind === 'done' ? <p className="notice notice--success">{t('download.done', { file: state.file })}</p> : null}
        </div>
        <div className="actions">
          <button type="submit" className="button button--primary" aria-disabled={state.kind === 'pending' || undefined}>
            {t('download.submit')}
          </button>
        </div>
      </form>
    </Section>
  );
}
