import { NextIntlClientProvider } from 'next-intl';
import { clientMessages, type Namespace } from '@/lib/i18n/client-messages';

/**
 * The messages of these namespaces for the client components inside, instead of those of any
 * section around them (providers do not merge).
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly Namespace[]; children: React.ReactNode }) {
  return <NextIntlClientProvider messages={await clientMessages(namespaces)}>{children}</NextIntlClientProvider>;
}
