import type { AllergyItem, ConditionItem, ImmunizationItem, MedicationItem } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { formatFhirDate, formatList } from './format-date.ts';
import { activeFirst, isActiveAllergy, isActiveCondition, isActiveMedication } from './order-items.ts';
import { SummaryItem, SummarySection } from './summary-section.tsx';

/** Translation, date and list formatting in the language on screen. */
function useWords() {
  const { t, i18n } = useTranslation('home');
  const locale = i18n.resolvedLanguage ?? 'en';
  // Status codes come from FHIR; a code we have no words for reads "Status not known".
  const word = (words: Record<string, string>, code: string | null): string =>
    (code !== null ? words[code] : undefined) ?? t('statusUnknown');
  const date = (value: string) => formatFhirDate(value, locale);
  const list = (items: readonly string[]) => formatList(items, locale);
  return { t, word, date, list };
}

export function ConditionList({ items }: { items: readonly ConditionItem[] }) {
  const { t, word, date } = useWords();
  const statuses = t('condition.status', { returnObjects: true });
  return (
    <SummarySection title={t('sections.conditions')} emptyText={t('empty.conditions')} isEmpty={items.length === 0}>
      {activeFirst(items, isActiveCondition, (item) => item.onset).map((item) => (
        <SummaryItem
          key={item.id}
          name={item.name}
          details={[
            word(statuses, item.clinicalStatus),
            item.onset && t('condition.onset', { date: date(item.onset) }),
            item.abatement && t('condition.abatement', { date: date(item.abatement) }),
          ]}
        />
      ))}
    </SummarySection>
  );
}

export function MedicationList({ items }: { items: readonly MedicationItem[] }) {
  const { t, word, date } = useWords();
  const statuses = t('medication.status', { returnObjects: true });
  return (
    <SummarySection title={t('sections.medications')} emptyText={t('empty.medications')} isEmpty={items.length === 0}>
      {activeFirst(items, isActiveMedication, (item) => item.authoredOn).map((item) => (
        <SummaryItem
          key={item.id}
          name={item.name}
          details={[
            word(statuses, item.status),
            item.instructions,
            item.prescriber && t('medication.prescriber', { name: item.prescriber }),
            item.authoredOn && t('medication.prescribed', { date: date(item.authoredOn) }),
          ]}
        />
      ))}
    </SummarySection>
  );
}

export function AllergyList({ items }: { items: readonly AllergyItem[] }) {
  const { t, word, date, list } = useWords();
  const statuses = t('allergy.status', { returnObjects: true });
  const risks = t('allergy.criticality', { returnObjects: true });
  const severities = t('allergy.severity', { returnObjects: true });
  return (
    <SummarySection title={t('sections.allergies')} emptyText={t('empty.allergies')} isEmpty={items.length === 0}>
      {activeFirst(items, isActiveAllergy, (item) => item.recorded).map((item) => (
        <SummaryItem
          key={item.id}
          name={item.substance}
          isImportant={item.criticality === 'high' && isActiveAllergy(item)}
          details={[
            item.clinicalStatus && word(statuses, item.clinicalStatus),
            item.criticality && word(risks, item.criticality),
            item.reactions.length > 0 &&
              t('allergy.reactions', {
                list: list(item.reactions.map((r) => (r.severity ? t('allergy.reactionWithSeverity', { reaction: r.manifestation, severity: word(severities, r.severity) }) : r.manifestation))),
              }),
            item.recorded && t('allergy.recorded', { date: date(item.recorded) }),
          ]}
        />
      ))}
    </SummarySection>
  );
}

export function ImmunizationList({ items }: { items: readonly ImmunizationItem[] }) {
  const { t, word, date } = useWords();
  const statuses = t('immunization.status', { returnObjects: true });
  return (
    <SummarySection
      title={t('sections.immunizations')}
      emptyText={t('empty.immunizations')}
      isEmpty={items.length === 0}
    >
      {activeFirst(items, () => true, (item) => item.date).map((item) => (
        <SummaryItem
          key={item.id}
          name={item.vaccine}
          details={[word(statuses, item.status), item.date && t('immunization.date', { date: date(item.date) })]}
        />
      ))}
    </SummarySection>
  );
}
