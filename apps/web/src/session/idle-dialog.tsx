import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from 'react-aria-components/Dialog';
import { Heading } from 'react-aria-components/Heading';
import { Modal, ModalOverlay } from 'react-aria-components/Modal';
import { formatClock, minutesLeft } from './idle-timer.ts';
import '../styles/dialog.css';

type IdleDialogProps = {
  secondsLeft: number;
  isStaying: boolean;
  stayFailed: boolean;
  onStay: () => void;
  onSignOut: () => void;
};

/**
 * "You will be signed out soon": an alert dialog that takes focus (on "Stay signed in", the
 * safe choice) and keeps it until the person chooses. Escape also means "stay". The clock
 * ticks visibly each second; screen readers hear the time left once a minute, politely.
 */
export function IdleDialog({ secondsLeft, isStaying, stayFailed, onStay, onSignOut }: IdleDialogProps) {
  const { t } = useTranslation('common');
  const minutes = minutesLeft(secondsLeft);
  const firstMinutes = useRef(minutes);
  const [announcement, setAnnouncement] = useState('');

  useEffect(() => {
    // The opening is announced with the dialog itself; later minutes through the status below.
    if (minutes !== firstMinutes.current) setAnnouncement(t('idle.announce', { count: minutes }));
  }, [minutes, t]);

  return (
    <ModalOverlay
      isOpen
      isDismissable={false}
      onOpenChange={(isOpen) => {
        if (!isOpen) onStay();
      }}
      className="modal-overlay"
      data-idle-dialog
    >
      <Modal className="modal">
        <Dialog role="alertdialog" className="dialog">
          <Heading slot="title" className="dialog__title">
            {t('idle.heading')}
          </Heading>
          <p>{t('idle.body', { count: minutes })}</p>
          <p role="timer" className="dialog__timer">
            {t('idle.timeLeft', { time: formatClock(secondsLeft) })}
          </p>
          <p role="status" className="visually-hidden">
            {announcement}
          </p>
          <div role="alert" className="form-alert">
            {stayFailed ? <p className="notice notice--error">{t('idle.stayFailed')}</p> : null}
          </div>
          <div className="dialog__actions">
            <button
              type="button"
              className="button button--primary"
              // The safe choice gets focus when the dialog opens.
              autoFocus
              aria-disabled={isStaying || undefined}
              onClick={isStaying ? undefined : onStay}
            >
              {isStaying ? t('idle.staying') : t('idle.stay')}
            </button>
            <button type="button" className="button button--secondary" onClick={onSignOut}>
              {t('idle.signOut')}
            </button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
