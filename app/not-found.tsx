// Requests outside any locale (rare: the proxy adds one). Rendered in the default language.
import type { Metadata } from 'next';
import messages from '@/messages/en.json';
import './globals.css';

export const metadata: Metadata = { title: `${messages.common.notFoundTitle} · ${messages.meta.title}` };

export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body className="p-8">
        <h1 className="text-2xl font-semibold">{messages.common.notFoundTitle}</h1>
        <p className="mt-2">{messages.common.notFoundBody}</p>
        {/* A plain link: leaving this root layout reloads the page anyway, and next/link here would
            add a second copy of its code to every page's scripts. */}
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- see above */}
        <a className="mt-4 inline-block underline" href="/en">{messages.common.backHome}</a>
      </body>
    </html>
  );
}
