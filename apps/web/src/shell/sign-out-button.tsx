import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client.ts';
import { signOut } from '../api/endpoints.ts';
import { useRouter } from '../router/router.tsx';
import { useSession } from '../session/session-context.tsx';

export function SignOutButton() {
  const { t } = useTranslation();
  const { setMe } = useSession();
  const { navigate } = useRouter();
  const [isPending, setPending] = useState(false);
  const [hasFailed, setFailed] = useState(false);

  async function handleSignOut() {
    setPending(true);
    setFailed(false);
    try {
      await signOut();
    } catch (error) {
      // 401: the session had already ended, which is what the person wanted.
      if (!(error instanceof ApiError && error.status === 401)) {
        setFailed(true);
        setPending(false);
        return;
      }
    }
    setMe(null);
    navigate('/sign-in');
  }

  return (
    <>
      <button
        type="button"
        className="button button--secondary"
        // aria-disabled keeps focus on the button while the request runs.
        aria-disabled={isPending || undefined}
        onClick={isPending ? undefined : () => void handleSignOut()}
      >
        {isPending ? t('signingOut') : t('signOut')}
      </button>
      {hasFailed ? (
        <p role="alert" className="site-header__alert">
          {t('signOutFailed')}
        </p>
      ) : null}
    </>
  );
}
