import { describe, expect, it } from 'vitest';
import type { ItemAnswer } from '@ourchart/contracts';
import { GAD7_ITEMS, LOINC, PHQ9_ITEMS, gad7, phq9 } from './instruments.ts';
import { alertsFor, bandFor, needsCrisisMessage, scoreResponse } from './scoring.ts';

const CODES = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];
const answer = (linkId: string, points: number): ItemAnswer => ({ linkId, answer: [{ valueCoding: { system: LOINC, code: CODES[points]! } }] });

/** Item points in questionnaire order (9 for PHQ-9, 7 for GAD-7). */
const phq = (points: number[]) => PHQ9_ITEMS.map(([code], i) => answer(code, points[i]!));
const gad = (points: number[]) => GAD7_ITEMS.map(([code], i) => answer(code, points[i]!));
/** Points adding up to `total` over `n` items, with item 9 (the last) fixed. */
function spread(total: number, n: number, last = 0): number[] {
  const out = Array<number>(n).fill(0);
  out[n - 1] = last;
  let left = total - last;
  for (let i = 0; i < n - 1 && left > 0; i++) {
    out[i] = Math.min(3, left);
    left -= out[i]!;
  }
  return out;
}

describe('PHQ-9 scoring', () => {
  it.each([
    [0, 'none-minimal'], [4, 'none-minimal'], [5, 'mild'], [9, 'mild'], [10, 'moderate'], [14, 'moderate'],
    [15, 'moderately-severe'], [19, 'moderately-severe'], [20, 'severe'], [27, 'severe'],
  ] as const)('total %i is %s', (total, band) => {
    const scored = scoreResponse(phq9(), phq(spread(total, 9, total === 27 ? 3 : 0)))!;
    expect(scored.score).toEqual({ instrument: 'phq-9', total, max: 27, band });
  });

  it('alerts at 20 and above, not at 19', () => {
    expect(alertsFor(scoreResponse(phq9(), phq(spread(19, 9))))).toEqual([]);
    expect(alertsFor(scoreResponse(phq9(), phq(spread(20, 9))))).toEqual(['phq9-severe']);
  });

  it('alerts on any item 9 answer above zero, whatever the total, and asks for the crisis message', () => {
    for (const item9 of [1, 2, 3]) {
      const scored = scoreResponse(phq9(), phq(spread(item9, 9, item9)));
      expect(scored!.item9).toBe(item9);
      expect(alertsFor(scored)).toEqual(['phq9-item9']);
      expect(needsCrisisMessage(scored)).toBe(true);
    }
    const zero = scoreResponse(phq9(), phq(spread(8, 9, 0)));
    expect(alertsFor(zero)).toEqual([]);
    expect(needsCrisisMessage(zero)).toBe(false);
    expect(alertsFor(scoreResponse(phq9(), phq(spread(24, 9, 3))))).toEqual(['phq9-severe', 'phq9-item9']);
  });

  it('does not score an incomplete response or ignore the unscored difficulty item', () => {
    expect(scoreResponse(phq9(), phq(spread(10, 9)).slice(0, 8))).toBeNull();
    const withDifficulty = [...phq(spread(6, 9)), { linkId: '69722-7', answer: [{ valueCoding: { system: LOINC, code: 'LA6574-3' } }] }];
    expect(scoreResponse(phq9(), withDifficulty)!.score.total).toBe(6);
  });
});

describe('GAD-7 scoring', () => {
  it.each([
    [0, 'minimal'], [4, 'minimal'], [5, 'mild'], [9, 'mild'], [10, 'moderate'], [14, 'moderate'], [15, 'severe'], [21, 'severe'],
  ] as const)('total %i is %s', (total, band) => {
    const points = spread(total, 7, total === 21 ? 3 : 0);
    expect(scoreResponse(gad7(), gad(points))!.score).toEqual({ instrument: 'gad-7', total, max: 21, band });
    expect(bandFor('gad-7', total)).toBe(band);
  });

  it('alerts at 15 and above, not at 14', () => {
    expect(alertsFor(scoreResponse(gad7(), gad(spread(14, 7))))).toEqual([]);
    expect(alertsFor(scoreResponse(gad7(), gad(spread(15, 7))))).toEqual(['gad7-severe']);
  });
});
