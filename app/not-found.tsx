// Requests outside any locale (rare: the proxy adds one). Rendered in the default language.
import Link from 'next/link';
import messages from '@/messages/en.json';
import './globals.css';

export default function GlobalNotFound() {
  return (
    <html lang="en">
      <body className="p-8">
        <h1 className="text-2xl font-semibold">{messages.common.notFoundTitle}</h1>
        <p className="mt-2">{messages.common.notFoundBody}</p>
        <Link className="mt-4 inline-block underline" href="/en">{messages.common.backHome}</Link>
      </body>
    </html>
  );
}
