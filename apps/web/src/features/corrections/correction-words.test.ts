import { describe, expect, it } from 'vitest';
import { CorrectionDecision, DisagreementRequest, NewCorrection } from '@ourchart/contracts';
import { LIMITS, isLongEnough } from './correction-words.ts';

// The pages check lengths before sending so people see our words at once; these must be the
// server's own limits, or a form would pass here and fail there (or the other way round).
describe('correction form limits match the server contract', () => {
  const item = 'Condition/abc';
  const text = (n: number) => 'x'.repeat(n);

  it('what is wrong and what it should say', () => {
    expect(NewCorrection.safeParse({ item, whatIsWrong: text(LIMITS.whatIsWrong), shouldSay: text(LIMITS.shouldSay) }).success).toBe(true);
    expect(NewCorrection.safeParse({ item, whatIsWrong: text(LIMITS.whatIsWrong - 1), shouldSay: text(LIMITS.shouldSay) }).success).toBe(false);
    expect(NewCorrection.safeParse({ item, whatIsWrong: text(LIMITS.whatIsWrong), shouldSay: text(LIMITS.shouldSay - 1) }).success).toBe(false);
    expect(NewCorrection.safeParse({ item, whatIsWrong: text(LIMITS.max + 1), shouldSay: text(LIMITS.shouldSay) }).success).toBe(false);
  });

  it('statement of disagreement and staff decisions', () => {
    expect(DisagreementRequest.safeParse({ statement: text(LIMITS.statement) }).success).toBe(true);
    expect(DisagreementRequest.safeParse({ statement: text(LIMITS.statement - 1) }).success).toBe(false);
    expect(CorrectionDecision.safeParse({ decision: 'deny', reason: text(LIMITS.decision) }).success).toBe(true);
    expect(CorrectionDecision.safeParse({ decision: 'deny', reason: text(LIMITS.decision - 1) }).success).toBe(false);
    expect(CorrectionDecision.safeParse({ decision: 'accept', changeNote: text(LIMITS.decision - 1) }).success).toBe(false);
  });

  it('counts letters, not the spaces around them, as the server does', () => {
    expect(isLongEnough('   abcd   ', 5)).toBe(false);
    expect(isLongEnough('  abcde ', 5)).toBe(true);
  });
});
