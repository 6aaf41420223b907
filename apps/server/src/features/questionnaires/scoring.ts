import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import type { CareAlertKind, ItemAnswer, QuestionnaireScore, QuestionnaireScoreBand } from '@ourchart/contracts';
import { GAD7_ITEMS, GAD7_TOTAL, LOINC, ORDINAL_VALUE, PHQ9_ITEM9, PHQ9_ITEMS, PHQ9_TOTAL } from './instruments.ts';

/**
 * Scoring by the published rules (Kroenke, Spitzer, Williams 2001; Spitzer et al. 2006): the sum
 * of the item points (0-3 each, the ordinalValue of the chosen answer option).
 *   PHQ-9 0-27: none-minimal 0-4, mild 5-9, moderate 10-14, moderately severe 15-19, severe 20-27.
 *   GAD-7 0-21: minimal 0-4, mild 5-9, moderate 10-14, severe 15-21.
 * The "how difficult" item is not scored. Care alerts: PHQ-9 total >= 20, GAD-7 total >= 15, and
 * any PHQ-9 item 9 answer above zero (thoughts of being better off dead or of self-harm).
 */
type Rule = { instrument: QuestionnaireScore['instrument']; panel: string; items: string[]; total: string; max: number; bands: [min: number, band: QuestionnaireScoreBand][] };

const RULES: Rule[] = [
  {
    instrument: 'phq-9', panel: '44249-1', items: PHQ9_ITEMS.map(([code]) => code), total: PHQ9_TOTAL, max: 27,
    bands: [[20, 'severe'], [15, 'moderately-severe'], [10, 'moderate'], [5, 'mild'], [0, 'none-minimal']],
  },
  {
    instrument: 'gad-7', panel: '69737-5', items: GAD7_ITEMS.map(([code]) => code), total: GAD7_TOTAL, max: 21,
    bands: [[15, 'severe'], [10, 'moderate'], [5, 'mild'], [0, 'minimal']],
  },
];

export const PHQ9_ALERT_AT = 20;
export const GAD7_ALERT_AT = 15;

/** The scoring rule of a questionnaire, found by its LOINC panel code. */
export function ruleFor(q: Questionnaire): Rule | undefined {
  const codes = (q.code ?? []).filter((c) => c.system === LOINC).map((c) => c.code);
  return RULES.find((r) => codes.includes(r.panel));
}

export function bandFor(instrument: Rule['instrument'], total: number): QuestionnaireScoreBand {
  const rule = RULES.find((r) => r.instrument === instrument)!;
  return rule.bands.find(([min]) => total >= min)![1];
}

function findItem(items: QuestionnaireItem[] | undefined, linkId: string): QuestionnaireItem | undefined {
  for (const item of items ?? []) {
    if (item.linkId === linkId) return item;
    const inner = findItem(item.item, linkId);
    if (inner) return inner;
  }
  return undefined;
}

/** The points of the answer given to a scored item (its option's ordinalValue), or null when unanswered. */
export function pointsFor(q: Questionnaire, linkId: string, answers: readonly ItemAnswer[]): number | null {
  const coding = answers.find((a) => a.linkId === linkId)?.answer[0]?.valueCoding;
  if (!coding) return null;
  const option = findItem(q.item, linkId)?.answerOption?.find((o) => o.valueCoding?.code === coding.code && (!coding.system || o.valueCoding.system === coding.system));
  const value = option?.extension?.find((e) => e.url === ORDINAL_VALUE)?.valueDecimal;
  return typeof value === 'number' ? value : null;
}

export type Scored = { score: QuestionnaireScore; totalLinkId: string; item9: number | null };

/** The score of a PHQ-9 or GAD-7 response, or null for other questionnaires or when an item is unanswered. */
export function scoreResponse(q: Questionnaire, answers: readonly ItemAnswer[]): Scored | null {
  const rule = ruleFor(q);
  if (!rule) return null;
  const points = rule.items.map((linkId) => pointsFor(q, linkId, answers));
  if (points.some((p) => p === null)) return null;
  const total = (points as number[]).reduce((a, b) => a + b, 0);
  return {
    score: { instrument: rule.instrument, total, max: rule.max, band: bandFor(rule.instrument, total) },
    totalLinkId: rule.total,
    item9: rule.instrument === 'phq-9' ? pointsFor(q, PHQ9_ITEM9, answers) : null,
  };
}

/** The care alerts a scored response raises (empty for none). */
export function alertsFor(scored: Scored | null): CareAlertKind[] {
  if (!scored) return [];
  const out: CareAlertKind[] = [];
  if (scored.score.instrument === 'phq-9') {
    if (scored.score.total >= PHQ9_ALERT_AT) out.push('phq9-severe');
    if ((scored.item9 ?? 0) > 0) out.push('phq9-item9');
  }
  if (scored.score.instrument === 'gad-7' && scored.score.total >= GAD7_ALERT_AT) out.push('gad7-severe');
  return out;
}

/** True when the patient should see the crisis message (988 and 911) at once. */
export function needsCrisisMessage(scored: Scored | null): boolean {
  return (scored?.item9 ?? 0) > 0;
}
