import type { ConditionRecord } from '@ourchart/contracts';
import { RecordItem } from './record-item.tsx';
import { RecordPage, useRecordWords } from './record-page.tsx';
import { getConditions } from './records-api.ts';

/** Conditions: current health problems, then past ones, with when they started and ended and who recorded them. */
export function ConditionsPage() {
  return <RecordPage kind="conditions" load={getConditions} renderItem={(c: ConditionRecord) => <Condition key={c.id} item={c} />} />;
}

function Condition({ item }: { item: ConditionRecord }) {
  const { t, word, date } = useRecordWords();
  return (
    <RecordItem
      name={item.name}
      item={`Condition/${item.id}`}
      facts={[
        { label: t('statusLabel'), value: word(t('condition.status', { returnObjects: true }), item.clinicalStatus) },
        { label: t('condition.verificationLabel'), value: word(t('condition.verification', { returnObjects: true }), item.verificationStatus) },
        { label: t('condition.onset'), value: date(item.onset) },
        { label: t('condition.abatement'), value: date(item.abatement) },
        { label: t('condition.recorder'), value: item.recorder },
        { label: t('condition.recorded'), value: item.recorded?.slice(0, 10) !== item.onset?.slice(0, 10) ? date(item.recorded) : null },
        { label: t('condition.notes'), value: item.notes.join(' ') },
      ]}
    />
  );
}
