'use client';

import { useTranslations } from 'next-intl';
import { Link, usePathname } from '@/lib/i18n/navigation';
import type { NavItem } from './nav-items';

export function AppNav({ items }: { items: NavItem[] }) {
  const t = useTranslations('nav');
  const pathname = usePathname();
  // The most specific item that matches is the current one ("My entity" rather than "Reporting entities").
  const matches = (href: string) => (href === '/' ? pathname === '/' : pathname === href || pathname.startsWith(`${href}/`));
  const current = items.filter((item) => matches(item.href)).sort((a, b) => b.href.length - a.href.length)[0]?.href;
  const isCurrent = (href: string) => href === current;
  return (
    <nav aria-label={t('label')} className="border-b border-slate-200 bg-white print:hidden">
      <ul className="mx-auto flex max-w-6xl gap-1 overflow-x-auto px-4" data-testid="app-nav">
        {items.map((item) => (
          <li key={item.key}>
            <Link
              href={item.href}
              aria-current={isCurrent(item.href) ? 'page' : undefined}
              className="block whitespace-nowrap border-b-2 border-transparent px-3 py-3 text-sm font-medium text-slate-700 hover:text-un-navy aria-[current=page]:border-un-blue aria-[current=page]:text-un-navy"
            >
              {t(item.key)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
