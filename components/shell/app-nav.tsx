'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';
import type { NavItem } from './nav-items';

function Chevron({ side }: { side: 'start' | 'end' }) {
  // Points towards the hidden tabs, in either writing direction.
  const flip = side === 'start' ? 'rotate-180 rtl:rotate-0' : 'rtl:rotate-180';
  return (
    <svg aria-hidden viewBox="0 0 20 20" fill="currentColor" className={`size-4 ${flip}`}>
      <path d="M7.22 5.22a.75.75 0 0 1 1.06 0l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.75.75 0 0 1-1.06-1.06L10.94 10 7.22 6.28a.75.75 0 0 1 0-1.06Z" />
    </svg>
  );
}

/**
 * The workspace's tabs. Where they do not fit (a phone), they scroll sideways: a fade and an arrow
 * at each edge with more tabs behind it say so, and the current tab is scrolled into view.
 */
export function AppNav({ items }: { items: NavItem[] }) {
  const t = useTranslations('nav');
  const pathname = usePathname();
  const list = useRef<HTMLUListElement>(null);
  const [more, setMore] = useState({ start: false, end: false });
  // The most specific item that matches is the current one ("My entity" rather than "Reporting entities").
  const matches = (href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));
  const current = items.filter((item) => matches(item.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const isCurrent = (href: string) => href === current;

  const measure = useCallback(() => {
    const element = list.current;
    if (!element) return;
    // scrollLeft runs negative from the start in a right-to-left page.
    const position = Math.abs(element.scrollLeft);
    const hidden = element.scrollWidth - element.clientWidth;
    setMore({ start: position > 1, end: position < hidden - 1 });
  }, []);

  useEffect(() => {
    const element = list.current;
    if (!element) return;
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    element.addEventListener('scroll', measure, { passive: true });
    return () => {
      observer.disconnect();
      element.removeEventListener('scroll', measure);
    };
  }, [measure]);

  useEffect(() => {
    const element = list.current;
    const tab = element?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!element || !tab || element.scrollWidth <= element.clientWidth) return;
    // Only sideways, and only the tabs: the page itself does not move.
    const offset = tab.offsetLeft - (element.clientWidth - tab.offsetWidth) / 2;
    element.scrollTo({ left: offset, behavior: 'instant' });
    measure();
  }, [current, measure]);

  const fade = 'pointer-events-none absolute inset-y-0 flex w-10 items-center text-slate-500';
  return (
    <nav aria-label={t('label')} className="border-b border-slate-200 bg-white print:hidden">
      <div className="relative mx-auto max-w-6xl">
        <ul ref={list} className="flex gap-1 overflow-x-auto px-4 [scrollbar-width:none] [&::-webkit-scrollbar]:hidden" data-testid="app-nav">
          {items.map((item) => (
            <li key={item.key}>
              <Link
                href={item.href}
                aria-current={isCurrent(item.href) ? 'page' : undefined}
                className="focus-ring-inset block whitespace-nowrap border-b-2 border-transparent px-3 py-2.5 text-sm font-medium text-slate-700 hover:text-un-navy aria-[current=page]:border-un-blue aria-[current=page]:text-un-navy"
              >
                {t(item.key)}
              </Link>
            </li>
          ))}
        </ul>
        {more.start && (
          <span aria-hidden className={`${fade} start-0 justify-start bg-linear-to-r from-white from-40% to-transparent ps-1 rtl:bg-linear-to-l`} data-testid="app-nav-more-start">
            <Chevron side="start" />
          </span>
        )}
        {more.end && (
          <span aria-hidden className={`${fade} end-0 justify-end bg-linear-to-l from-white from-40% to-transparent pe-1 rtl:bg-linear-to-r`} data-testid="app-nav-more-end">
            <Chevron side="end" />
          </span>
        )}
      </div>
    </nav>
  );
}
