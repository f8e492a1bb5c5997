import { ClientMessages } from '@/components/shell/client-messages';

// The messages this section's client components translate with (lib/i18n/client-messages.ts):
// a paragraph's page also links it to commitments (components/evidence/link-to-commitment.tsx).
export default function ParagraphsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['documents', 'evidence', 'fields']}>{children}</ClientMessages>;
}
