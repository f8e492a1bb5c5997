'use client';

import { useEffect, useRef, type ReactNode } from 'react';
import { usePathname } from 'next/navigation';

/**
 * A menu that opens and closes without JavaScript (a native <details>), and with it closes as a
 * menu should: on Escape, on a click outside, on choosing a link, and when the page changes (the
 * header is part of the layout, which stays in place from page to page).
 */
export function Disclosure({ summary, summaryClassName, className, panelClassName, children, testId }: {
  summary: ReactNode;
  summaryClassName?: string;
  className?: string;
  panelClassName?: string;
  children: ReactNode;
  testId?: string;
}) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);

  useEffect(() => {
    const close = (focus: boolean) => {
      const details = ref.current;
      if (!details?.open) return;
      details.open = false;
      if (focus) details.querySelector('summary')?.focus();
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') close(true);
    };
    const onPointer = (event: MouseEvent) => {
      if (ref.current && !ref.current.contains(event.target as Node)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('click', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('click', onPointer);
    };
  }, []);

  return (
    <details ref={ref} className={`group ${className ?? ''}`} data-testid={testId}>
      <summary className={`cursor-pointer list-none [&::-webkit-details-marker]:hidden ${summaryClassName ?? ''}`}>{summary}</summary>
      <div
        className={panelClassName}
        onClick={(event) => {
          if ((event.target as HTMLElement).closest('a') && ref.current) ref.current.open = false;
        }}
      >
        {children}
      </div>
    </details>
  );
}
