import type { MedicationRecord } from '@ourchart/contracts';
import { doseInstructions } from './dosage-words.ts';
import { RecordItem } from './record-item.tsx';
import { RecordPage, useRecordWords } from './record-page.tsx';
import { getMedications } from './records-api.ts';
import { MedicationRefill, RefillsProvider } from '../refills/medication-refill.tsx';

/** Medications: what to take now (with dose instructions in plain words), then past prescriptions; `Request refill` on current ones. */
export function MedicationsPage() {
  return (
    <RefillsProvider>
      <RecordPage kind="medications" load={getMedications} renderItem={(m: MedicationRecord) => <Medication key={m.id} item={m} />} />
    </RefillsProvider>
  );
}

function Medication({ item }: { item: MedicationRecord }) {
  const { t, locale, word, date, list } = useRecordWords();
  const { plain, written } = doseInstructions(item.dosage, t('dose', { returnObjects: true }), locale);
  const statuses = t('medication.status', { returnObjects: true });
  return (
    <RecordItem
      name={item.name}
      item={`MedicationRequest/${item.id}`}
      facts={[
        { label: t('statusLabel'), value: word(statuses, item.status) },
        { label: t('medication.howToTake'), value: plain.length ? plain.join('. ') : written.length ? null : t('medication.noInstructions') },
        written.length > 0 && { label: t('medication.prescriberWrote'), value: <q>{written.join(' ')}</q> },
        { label: t('medication.reasons'), value: list(item.reasons) },
        { label: t('medication.prescriber'), value: item.prescriber },
        { label: t('medication.prescribed'), value: date(item.authoredOn) },
        { label: t('medication.statusReason'), value: item.statusReason },
        item.refills !== null && { label: t('medication.refills'), value: new Intl.NumberFormat(locale).format(item.refills) },
      ]}
      footer={<MedicationRefill medication={item} isActive={item.status === 'active'} />}
    />
  );
}
