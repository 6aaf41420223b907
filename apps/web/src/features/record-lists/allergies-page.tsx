import type { AllergyRecord } from '@ourchart/contracts';
import { RecordItem } from './record-item.tsx';
import { RecordPage, useRecordWords } from './record-page.tsx';
import { getAllergies } from './records-api.ts';

/** Allergies: current ones (high risk marked in words and shape), then past ones, with reactions in words. */
export function AllergiesPage() {
  return <RecordPage kind="allergies" load={getAllergies} renderItem={(a: AllergyRecord) => <Allergy key={a.id} item={a} />} />;
}

function Allergy({ item }: { item: AllergyRecord }) {
  const { t, word, date, list } = useRecordWords();
  const severities = t('allergy.severity', { returnObjects: true });
  const categories = t('allergy.category', { returnObjects: true });
  const reactions = item.reactions.map((r) =>
    r.severity ? t('allergy.reactionWithSeverity', { reaction: r.manifestation, severity: word(severities, r.severity) }) : r.manifestation,
  );
  return (
    <RecordItem
      name={item.substance}
      item={`AllergyIntolerance/${item.id}`}
      isImportant={item.criticality === 'high' && item.clinicalStatus !== 'resolved' && item.clinicalStatus !== 'inactive'}
      facts={[
        { label: t('statusLabel'), value: word(t('allergy.status', { returnObjects: true }), item.clinicalStatus) },
        { label: t('allergy.criticalityLabel'), value: word(t('allergy.criticality', { returnObjects: true }), item.criticality) },
        { label: t('allergy.reactionsLabel'), value: list(reactions) },
        { label: t('allergy.typeLabel'), value: word(t('allergy.type', { returnObjects: true }), item.type) },
        { label: t('allergy.categoryLabel'), value: list(item.categories.map((c) => word(categories, c) ?? c)) },
        { label: t('allergy.verificationLabel'), value: word(t('allergy.verification', { returnObjects: true }), item.verificationStatus) },
        { label: t('allergy.onset'), value: date(item.onset) },
        { label: t('allergy.lastOccurrence'), value: date(item.lastOccurrence) },
        { label: t('allergy.recorder'), value: item.recorder },
        { label: t('allergy.notes'), value: item.notes.join(' ') },
      ]}
    />
  );
}
