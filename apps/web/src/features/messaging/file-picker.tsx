import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { checkFiles, FILE_RULES, formatSize } from './message-words.ts';

type FilePickerProps = { files: File[]; onChange: (files: File[]) => void };

/**
 * "Attach photos or PDF files": a real labelled <input type="file"> (keyboard and screen reader
 * friendly as the browser made it), the chosen files listed with a Remove button each, and the
 * browser-side checks (type, size, count) said next to the field. The server checks again by content.
 */
export function FilePicker({ files, onChange }: FilePickerProps) {
  const { t, i18n } = useTranslation('messaging');
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const problem = checkFiles(files);
  const problemText = problem ? (problem.kind === 'tooMany' ? t('files.tooMany') : t(`files.${problem.kind}`, { name: problem.name })) : null;

  return (
    <div className="field">
      <label className="field__label" htmlFor={id}>
        {t('files.label')}
      </label>
      <p id={`${id}-hint`} className="field__hint">
        {t('files.hint')}
      </p>
      <input
        ref={inputRef}
        id={id}
        type="file"
        multiple
        accept={FILE_RULES.accept}
        className="file-input"
        aria-describedby={problemText ? `${id}-hint ${id}-error` : `${id}-hint`}
        aria-invalid={problemText ? true : undefined}
        onChange={(event) => {
          const chosen = [...(event.target.files ?? [])];
          onChange([...files, ...chosen]);
          // Cleared, so choosing the same file again after removing it still fires a change.
          event.target.value = '';
        }}
      />
      {problemText ? (
        <p id={`${id}-error`} className="field__error" role="alert">
          {problemText}
        </p>
      ) : null}
      {files.length > 0 ? (
        <ul className="file-list" aria-label={t('files.chosen')}>
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="file-list__item">
              <span>
                {file.name} ({formatSize(file.size, i18n.language)})
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  onChange(files.filter((_, i) => i !== index));
                  inputRef.current?.focus();
                }}
              >
                {t('files.remove', { name: file.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** True when the files may be sent (the same checks as above). */
export const filesOk = (files: File[]) => checkFiles(files) === null;
