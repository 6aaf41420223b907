/**
 * The shape of a prevention rule. Rules are data (vaccine-rules.ts, screening-rules.ts) so a
 * reviewer can check each one against its source without reading the engine (due-care.ts).
 * Ages are in months from birth so infant and adult rules use one unit.
 */

export const SYSTEM = {
  cvx: 'http://hl7.org/fhir/sid/cvx',
  loinc: 'http://loinc.org',
  snomed: 'http://snomed.info/sct',
  cpt: 'http://www.ama-assn.org/go/cpt',
  hcpcs: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
} as const;

/** Codes that count as "done": a system and the codes in it. */
export type CodeSet = { system: string; codes: readonly string[] }[];

export type RuleSource = { name: string; url: string };

type RuleBase = {
  /** Stable id, also the key of the plain-language words in the web app. */
  id: string;
  kind: 'vaccine' | 'screening';
  /** The rule applies from this age (months, inclusive) ... */
  minAgeMonths: number;
  /** ... up to this age (months, inclusive). */
  maxAgeMonths: number;
  sex?: 'female' | 'male';
  codes: CodeSet;
  source: RuleSource;
};

/**
 * A dose series by age: dose n is recommended at `doseAgesMonths[n]`. A missing dose is overdue
 * once `graceMonths` have passed, but only up to `routineUntilMonths`; after that it is catch-up,
 * shown as due.
 */
export type SeriesRule = RuleBase & {
  schedule: 'series';
  doseAgesMonths: readonly number[];
  graceMonths: number;
  routineUntilMonths: number;
  /** Some products complete the series with fewer doses (Heplisav-B: 2 doses; Rotarix: 2 doses). */
  shorterWith?: { cvx: readonly string[]; doses: number };
  /** Starting late needs more doses (HPV: 3 doses when started at age 15 or older). */
  lateStart?: { fromAgeMonths: number; doses: number };
};

/** A check or booster that repeats: done by any method within its interval counts. */
export type RepeatRule = RuleBase & {
  schedule: 'repeat';
  methods: readonly { codes: CodeSet; everyMonths: number; minAgeMonths?: number; maxAgeMonths?: number }[];
};

/** Once a season (influenza): a dose given since August 1 of the current season counts. */
export type SeasonRule = RuleBase & { schedule: 'season'; seasonStartMonth: number };

/** Once in a lifetime (or once in the age window). */
export type OnceRule = RuleBase & { schedule: 'once' };

/**
 * Depends on things the record cannot tell (smoking, weight, risk, a shared decision): the patient
 * should ask the care team. Shown as up to date when done within `everyMonths` (or ever, when null).
 */
export type AskRule = RuleBase & { schedule: 'ask'; everyMonths: number | null };

export type PreventionRule = SeriesRule | RepeatRule | SeasonRule | OnceRule | AskRule;

export const months = (years: number) => Math.round(years * 12);
export const cvx = (...codes: string[]): CodeSet => [{ system: SYSTEM.cvx, codes }];
