import type { ZxcvbnFactory } from '@zxcvbn-ts/core';
import type { PasswordCheck } from '@ourchart/contracts';
import { AppError } from '../http/errors.ts';

export const MIN_PASSWORD_LENGTH = 12;

let zxcvbn: ZxcvbnFactory | undefined;
let commonPasswords: Set<string> | undefined;

/** The dictionaries take ~0.1 s and several MB: loaded on first use (and warmed after start), not at boot. */
export async function passwordEngine() {
  if (!zxcvbn) {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([import('@zxcvbn-ts/core'), import('@zxcvbn-ts/language-common'), import('@zxcvbn-ts/language-en')]);
    zxcvbn = new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
    // ~49,000 passwords seen most often in breaches (zxcvbn-ts's common list).
    commonPasswords = new Set((common.dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));
  }
  return { zxcvbn, commonPasswords: commonPasswords! };
}

/**
 * NIST SP 800-63B password rules: at least 12 characters, not a common or breached password, not
 * built from the account's email, and not guessable (zxcvbn score 2 or more). No composition rules.
 */
export async function checkPassword(password: string, email?: string): Promise<PasswordCheck> {
  const { zxcvbn: z, commonPasswords: list } = await passwordEngine();
  const lower = password.toLowerCase();
  const local = email?.split('@')[0]?.toLowerCase() ?? '';
  const result = z.check(password.slice(0, 100), email ? [email, local] : []);
  const score = result.score as PasswordCheck['score'];
  let reason: PasswordCheck['reason'] = null;
  if (password.length < MIN_PASSWORD_LENGTH) reason = 'too-short';
  else if (list.has(lower) || list.has(lower.replace(/\d+$/, ''))) reason = 'common';
  else if (local.length >= 4 && lower.includes(local)) reason = 'contains-email';
  else if (score < 2) reason = 'weak';
  return { score, acceptable: reason === null, reason };
}

const REASONS: Record<NonNullable<PasswordCheck['reason']>, string> = {
  'too-short': `Use at least ${MIN_PASSWORD_LENGTH} characters. A short sentence is easy to remember.`,
  common: 'This password is too common or has appeared in a data breach. Choose another.',
  'contains-email': 'Do not use your email address in your password.',
  weak: 'This password is easy to guess. Add more words or make it longer.',
};

/** Throws WEAK_PASSWORD with a plain-language reason when the password is not acceptable. */
export async function assertAcceptablePassword(password: string, email?: string, field = 'password'): Promise<void> {
  const check = await checkPassword(password, email);
  if (!check.acceptable) {
    const message = REASONS[check.reason!];
    throw new AppError('WEAK_PASSWORD', message, { errors: [{ path: field, message }] });
  }
}
