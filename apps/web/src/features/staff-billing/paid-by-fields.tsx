import { useTranslation } from 'react-i18next';
import { ChoiceGroup, InputField } from '../../components/native-fields.tsx';

export type PaidBy = 'card-on-file' | 'cash' | 'check';

const METHODS: readonly PaidBy[] = ['card-on-file', 'cash', 'check'];

type Props = {
  /** Makes the radio names and ids unique when several forms are open. */
  idPrefix: string;
  method: PaidBy | null;
  onMethod: (method: PaidBy) => void;
  reference: string;
  onReference: (reference: string) => void;
  methodError?: string | undefined;
  referenceError?: string | null;
};

/** How the patient paid (card on file, cash or check) and an optional reference: posting and recording a payment ask the same. */
export function PaidByFields({ idPrefix, method, onMethod, reference, onReference, methodError, referenceError }: Props) {
  const { t } = useTranslation('staffBilling');
  return (
    <>
      <ChoiceGroup legend={t('payments.paidBy')} error={methodError}>
        {METHODS.map((value, index) => (
          <label key={value} className="checkbox">
            <input id={index === 0 ? `${idPrefix}-method` : undefined} type="radio" name={`${idPrefix}-method`} value={value} checked={method === value} onChange={() => onMethod(value)} />
            <span>{t(`payments.methods.${value}`)}</span>
          </label>
        ))}
      </ChoiceGroup>
      <InputField
        id={`${idPrefix}-reference`}
        label={t('payments.reference')}
        hint={t('payments.referenceHint')}
        name="reference"
        maxLength={40}
        autoComplete="off"
        value={reference}
        onChange={onReference}
        error={referenceError}
      />
    </>
  );
}
