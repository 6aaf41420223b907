import { useId } from 'react';
import type { ReactNode, Ref } from 'react';

type SectionProps = { title: string; children: ReactNode; headingRef?: Ref<HTMLHeadingElement> };

/** A titled card on a settings page; the heading names the region for screen readers. */
export function Section({ title, children, headingRef }: SectionProps) {
  const id = useId();
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id} ref={headingRef} tabIndex={-1} className="card__title">
        {title}
      </h2>
      {children}
    </section>
  );
}
