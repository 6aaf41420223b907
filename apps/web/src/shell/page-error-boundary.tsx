import { Component } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function PageLoadFailed() {
  const { t } = useTranslation();
  return (
    <p role="alert" className="notice notice--error">
      {t('pageLoadFailed')}
    </p>
  );
}

type Props = { children: ReactNode };
type State = { failed: boolean };

/**
 * Catches a page that fails to render, most often a code chunk that no longer exists
 * after a deploy, and says so in words instead of leaving a blank screen.
 */
export class PageErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <PageLoadFailed /> : this.props.children;
  }
}
