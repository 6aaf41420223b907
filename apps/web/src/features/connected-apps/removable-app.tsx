import '../proxies/words.ts';
import { useId, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { useSubmit } from '../account/fields.tsx';
import { ConfirmStep } from '../proxies/confirm-step.tsx';
import '../proxies/proxies.css';
import '../../styles/connected-apps.css';

type RemovableAppProps = {
  /** The app's name, the item's heading. */
  name: string;
  /** The details under the name (a <dl className="connected-app__details">). */
  children: ReactNode;
  words: { remove: string; removeNamed: string; confirm: string; yes: string; no: string };
  /** Removes it on the server; the words to announce once it is gone. */
  onRemove: () => Promise<string>;
  onRemoved: (message: string) => void;
  onApiError: (error: unknown) => void;
};

/** One app in a list (Connected apps, the admin's app setup) with Remove and its "Are you sure?" in place. */
export function RemovableApp({ name, children, words, onRemove, onRemoved, onApiError }: RemovableAppProps) {
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);
  const removeRef = useRef<HTMLButtonElement>(null);
  const { isPending, failureText, run } = useSubmit(onApiError);

  async function remove() {
    const result = await run(onRemove);
    if (result.ok) onRemoved(result.value);
  }

  return (
    <li className="item connected-app">
      <article aria-labelledby={headingId}>
        <h3 id={headingId} className="item__name">
          {name}
        </h3>
        {children}
        {confirming ? (
          <ConfirmStep
            question={words.confirm}
            yes={words.yes}
            no={words.no}
            isPending={isPending}
            error={failureText}
            onYes={() => void remove()}
            onNo={() => {
              setConfirming(false);
              requestAnimationFrame(() => removeRef.current?.focus());
            }}
          />
        ) : (
          <button ref={removeRef} type="button" className="button button--secondary" aria-label={words.removeNamed} onClick={() => setConfirming(true)}>
            {words.remove}
          </button>
        )}
      </article>
    </li>
  );
}
