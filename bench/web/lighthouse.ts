import { launch, type LaunchedChrome } from 'chrome-launcher';
import lighthouse, { type Flags, type Result } from 'lighthouse';

/** Chromium flags for a quiet, offline-safe headless run in a sandbox. */
export const chromiumFlags = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Aborts a Lighthouse run that takes longer than this. */
export const runTimeoutMs = 120_000;

/** An accessibility audit that did not pass, with the elements it flagged. */
export type FailingAudit = { id: string; elements: string[] };

/** The figures the benchmark reports for one page. */
export type PageAudit = {
  /** 0-100. */
  performance: number;
  /** 0-100. */
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  /** Sum of transfer sizes of every script request, in KiB. */
  jsTransferKiB: number;
  failingA11y: FailingAudit[];
  warnings: string[];
  /** The URL Lighthouse ended on (shows an unexpected redirect, e.g. to /sign-in). */
  finalUrl: string;
};

const score = (value: number | null | undefined): number => Math.round((value ?? 0) * 100);

type Item = { resourceType?: string; transferSize?: number; node?: { selector?: string; snippet?: string } };
function items(lhr: Result, auditId: string): Item[] {
  const details = lhr.audits[auditId]?.details as { items?: Item[] } | undefined;
  return details?.items ?? [];
}

/** Pulls the reported figures out of a Lighthouse result. */
export function summarize(lhr: Result): PageAudit {
  const a11y = lhr.categories.accessibility;
  const failingA11y = (a11y?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit && audit.score !== null && audit.score < 1 && audit.scoreDisplayMode !== 'informative')
    .map((audit) => ({
      id: audit!.id,
      elements: items(lhr, audit!.id).map((item) => item.node?.selector ?? item.node?.snippet ?? '?'),
    }));
  const scriptBytes = items(lhr, 'resource-summary').find((item) => item.resourceType === 'script')?.transferSize ?? 0;
  return {
    performance: score(lhr.categories.performance?.score),
    accessibility: score(a11y?.score),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? Number.NaN),
    tbtMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? Number.NaN),
    jsTransferKiB: Math.round((scriptBytes / 1024) * 10) / 10,
    failingA11y,
    warnings: [...(lhr.runtimeError ? [`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`] : []), ...lhr.runWarnings],
    finalUrl: lhr.finalDisplayedUrl,
  };
}

/**
 * Launches a fresh headless Chromium, runs Lighthouse (mobile form factor, performance and
 * accessibility) on `url`, and always kills Chromium afterwards. `extraHeaders` is sent with
 * every request, which is how a session cookie reaches the page. Rejects after 120 s.
 */
export async function auditPage(url: string, extraHeaders?: Record<string, string>, chromePath = '/usr/bin/chromium'): Promise<PageAudit> {
  let chrome: LaunchedChrome | undefined;
  let timer: NodeJS.Timeout | undefined;
  try {
    chrome = await launch({ chromePath, chromeFlags: chromiumFlags, logLevel: 'silent' });
    const flags: Flags = {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
      ...(extraHeaders ? { extraHeaders } : {}),
    };
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Lighthouse on ${url} took longer than ${runTimeoutMs / 1000} s; aborted`)), runTimeoutMs);
    });
    const run = lighthouse(url, flags);
    run.catch(() => {}); // after a timeout, killing Chromium makes the abandoned run reject
    const result = await Promise.race([run, timeout]);
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    return summarize(result.lhr);
  } finally {
    clearTimeout(timer);
    chrome?.kill();
  }
}
