import { ClientMessages } from '@/components/shell/client-messages';

// The messages this section's client components translate with (lib/i18n/client-messages.ts).
export default function ReportsLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['report', 'reportEvidence', 'evidence', 'review', 'status', 'workflow', 'fields']}>{children}</ClientMessages>;
}
