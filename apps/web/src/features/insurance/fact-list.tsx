import type { ReactNode } from 'react';

/** Label and value pairs as a definition list that wraps on narrow screens; empty values are left out. */
export function FactList({ facts }: { facts: [label: string, value: ReactNode][] }) {
  return (
    <dl className="billing-facts">
      {facts.filter(([, value]) => value !== null && value !== undefined && value !== '').map(([label, value]) => (
        <div key={label}><dt>{label}</dt><dd>{value}</dd></div>
      ))}
    </dl>
  );
}

/** A request's state in words, with the colour that only repeats it (billing-help.css). */
export const StateTag = ({ state, text }: { state: string; text: string }) => <span className={`status-tag help-status--${state}`}>{text}</span>;
