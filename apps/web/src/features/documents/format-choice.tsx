import type { ExportFormat } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';

const FORMATS: ExportFormat[] = ['pdf', 'ccda', 'fhir'];

/** Radio buttons with a plain explanation of who each file type is for. */
export function FormatChoice({ id, value, onChange }: { id: string; value: ExportFormat; onChange: (f: ExportFormat) => void }) {
  const { t } = useTranslation('documents');
  return (
    <fieldset className="choice-group">
      <legend className="field__label">{t('formats.legend')}</legend>
      {FORMATS.map((format) => (
        <div key={format} className="choice">
          <input
            id={`${id}-${format}`} type="radio" name={`${id}-format`} value={format} checked={value === format}
            aria-describedby={`${id}-${format}-hint`} onChange={() => onChange(format)}
          />
          <label htmlFor={`${id}-${format}`}>
            <span className="choice__label">{t(`formats.${format}`)}</span>
            <span id={`${id}-${format}-hint`} className="field__hint choice__hint">{t(`formats.${format}Hint`)}</span>
          </label>
        </div>
      ))}
    </fieldset>
  );
}
