import type { PageName, PageWeight } from '../../apps/web/scripts/page-weights.ts';
import type { PageAudit } from './lighthouse.ts';

/** Gzip JavaScript a page may load, in KiB. */
export const jsBudgetKiB = 120;
/** Medplum's Foo Medical portal: gzip JS loaded on every page, in KiB (published figure). */
export const fooMedicalJsKiB = 297;
/** Lighthouse aims: performance at least this, accessibility exactly 100. */
export const aim = { performance: 95, accessibility: 100 };

/** One page's row: its bundle weight plus its Lighthouse audit, or why the audit failed. */
export type PageRow = { page: PageName; weight: PageWeight; audit: PageAudit | Error };

const ratio = (kib: number): string => `${(kib / fooMedicalJsKiB).toFixed(2)}x`;
const budget = (kib: number): string => `≤${jsBudgetKiB} ${kib <= jsBudgetKiB ? 'ok' : 'OVER'}`;

/** True when the page met both Lighthouse aims. */
export function meetsAim(audit: PageAudit): boolean {
  return audit.performance >= aim.performance && audit.accessibility >= aim.accessibility;
}

/** The bundle-weight section: per-page gzip JS and CSS against the budget and the anchor. */
export function weightLines(weights: PageWeight[]): string[] {
  const lines = [
    `Bundle weight (gzip level 9, from apps/web/dist/.vite/manifest.json); budget ${jsBudgetKiB} KiB JS per page.`,
    `Anchor: Medplum's Foo Medical portal loads ${fooMedicalJsKiB} KiB gzip JS on every page (published figure, not measured here).`,
  ];
  for (const w of weights) {
    lines.push(
      `  ${w.page.padEnd(8)} JS ${w.jsGzipKiB.toFixed(1)} KiB  CSS ${w.cssGzipKiB.toFixed(1)} KiB  ` +
        `budget ${budget(w.jsGzipKiB)}  vs Foo Medical ${ratio(w.jsGzipKiB)} (${w.files.length} files)`,
    );
  }
  return lines;
}

/** The Lighthouse detail for one page: scores, timings, aim verdict, failing audits, warnings. */
export function auditLines(row: PageRow, url: string): string[] {
  const { audit } = row;
  if (audit instanceof Error) return [`  ${row.page}: Lighthouse FAILED: ${audit.message}`];
  const lines = [
    `  ${row.page.padEnd(8)} ${url}  perf ${audit.performance}  a11y ${audit.accessibility}  LCP ${audit.lcpMs} ms  ` +
      `TBT ${audit.tbtMs} ms  JS transferred ${audit.jsTransferKiB.toFixed(1)} KiB  ` +
      `aim (perf ≥${aim.performance}, a11y ${aim.accessibility}): ${meetsAim(audit) ? 'met' : 'MISSED'}`,
  ];
  if (audit.finalUrl !== url) lines.push(`    ended on ${audit.finalUrl}`);
  for (const failing of audit.failingA11y) lines.push(`    failing a11y audit: ${failing.id}  ${failing.elements.join(' | ') || '(no elements listed)'}`);
  for (const warning of audit.warnings) lines.push(`    warning: ${warning}`);
  return lines;
}

/** The closing summary table, one row per page. */
export function tableLines(rows: PageRow[]): string[] {
  const header = ['page', 'JS gzip', 'CSS gzip', 'budget', `vs Foo Medical(${fooMedicalJsKiB})`, 'perf', 'a11y', 'LCP', 'TBT', 'JS xfer', 'aim'];
  const body = rows.map(({ page, weight, audit }) => {
    const lh = audit instanceof Error
      ? ['error', 'error', '-', '-', '-', 'error']
      : [audit.performance, audit.accessibility, audit.lcpMs, audit.tbtMs, audit.jsTransferKiB.toFixed(1), meetsAim(audit) ? 'met' : 'MISSED'].map(String);
    return [page, weight.jsGzipKiB.toFixed(1), weight.cssGzipKiB.toFixed(1), budget(weight.jsGzipKiB), ratio(weight.jsGzipKiB), ...lh];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)));
  const format = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd();
  return [format(header), ...body.map(format), 'KiB gzip (JS xfer: KiB over the wire as Lighthouse saw it); LCP/TBT in ms, simulated mobile.'];
}
