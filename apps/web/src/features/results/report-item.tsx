import type { ResultReport } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { formatFhirDate } from '../home/format-date.ts';
import { FlagBadge, ResultValueView, StatusWords } from './result-value.tsx';

type ReportItemProps = {
  report: ResultReport;
  /** Open at first (the result a notification pointed to). */
  initiallyOpen: boolean;
  /** Called the first time the report is opened (reads its notification). */
  onOpen: (report: ResultReport) => void;
};

/** One report in the list: a summary line that opens to every value. */
export function ReportItem({ report, initiallyOpen, onOpen }: ReportItemProps) {
  const { t, i18n } = useTranslation('results');
  const locale = i18n.resolvedLanguage ?? 'en';
  return (
    <li className={report.hasAbnormal ? 'result-report result-report--flagged' : 'result-report'}>
      <details
        open={initiallyOpen}
        onToggle={(event) => {
          if (event.currentTarget.open) onOpen(report);
        }}
      >
        <summary className="result-report__summary">
          <span className="result-report__name">{report.name}</span>
          <span className="result-report__meta">
            {report.effective ? formatFhirDate(report.effective, locale) : null}
            {report.effective ? ' · ' : null}
            <StatusWords status={report.status} />
          </span>
          {report.hasAbnormal ? (
            <span className="result-report__alert">
              <span aria-hidden="true">! </span>
              {t('outsideRange')}
            </span>
          ) : null}
          {report.kind === 'single' && report.values[0] && !report.hasAbnormal ? (
            <span className="result-report__meta">
              <FlagBadge flag={report.values[0].flag} />
            </span>
          ) : null}
        </summary>
        <div className="result-report__body">
          {report.performer ? <p className="result-report__meta">{t('by', { name: report.performer })}</p> : null}
          {report.values.map((value) => (
            <ResultValueView key={value.id} value={value} />
          ))}
        </div>
      </details>
    </li>
  );
}
