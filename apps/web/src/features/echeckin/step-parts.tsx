import { useRef, useState } from 'react';
import type { EcheckinView } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/error-message.ts';

export type StepProps = {
  view: EcheckinView;
  patientId: string | undefined;
  onSaved: (view: EcheckinView) => void;
  onApiError: (error: unknown) => void;
};

/**
 * One step's submit: client problems first (summary takes focus), then the request; the server's
 * field errors (problem+json `errors`) join the summary, anything else shows as one message.
 */
export function useStepSubmit(onApiError: (error: unknown) => void) {
  const { t } = useTranslation('common');
  const [problems, setProblems] = useState<{ id: string; text: string }[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  async function run(found: { id: string; text: string }[], work: () => Promise<EcheckinView>, onSaved: (view: EcheckinView) => void, idFor: (path: string) => string = (p) => p) {
    if (pending) return;
    setFailure(null);
    setProblems(found);
    if (found.length > 0) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setPending(true);
    try {
      onSaved(await work());
    } catch (error) {
      onApiError(error);
      const errors = error instanceof ApiError ? (error.problem as { errors?: { path: string; message: string }[] } | undefined)?.errors : undefined;
      if (errors?.length) {
        setProblems(errors.map((e) => ({ id: idFor(e.path), text: e.message })));
        requestAnimationFrame(() => summaryRef.current?.focus());
      } else {
        setFailure(errorMessage(error, t));
      }
    } finally {
      setPending(false);
    }
  }
  return { problems, failure, pending, summaryRef, run };
}

export function StepButtons({ pending, label }: { pending: boolean; label: string }) {
  const { t } = useTranslation('echeckin');
  return (
    <div className="actions">
      <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>
        {pending ? t('working') : label}
      </button>
    </div>
  );
}
