'use client';

import type { MouseEvent } from 'react';

/**
 * The first thing Tab reaches: it moves the focus to the page's main content (#main), so that the
 * next Tab goes on from there. Following the link alone only scrolls in some browsers and leaves
 * the focus where it was; without JavaScript it still scrolls to the content.
 */
export function SkipLink({ label }: { label: string }) {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    // Focusable by script only: the main content is no stop of its own for Tab.
    main.tabIndex = -1;
    main.focus();
  };
  return (
    <a href="#main" onClick={skip} className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
      {label}
    </a>
  );
}
