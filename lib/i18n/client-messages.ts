// The messages the browser receives. NextIntlClientProvider would otherwise send the whole
// catalogue with every page; each section of the site sends only the namespaces its client
// components translate with (components/shell/client-messages.tsx, in the sections' layouts).
// tests/unit/client-messages.test.ts checks every section against its components.
import 'server-only';
import { getMessages } from 'next-intl/server';
import type { Messages } from 'next-intl';

export type Namespace = keyof Messages;

/** What the header, the workspace navigation and the error page translate with, on every page. */
export const SHELL_NAMESPACES = ['common', 'nav'] as const satisfies readonly Namespace[];

/** These namespaces of the request's catalogue (compiled at build time: next.config.js). */
export async function clientMessages(namespaces: readonly Namespace[]): Promise<Partial<Messages>> {
  const messages = await getMessages();
  return Object.fromEntries(namespaces.map((namespace) => [namespace, messages[namespace]]));
}
