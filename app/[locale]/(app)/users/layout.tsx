import { ClientMessages } from '@/components/shell/client-messages';

// The messages this section's client components translate with (lib/i18n/client-messages.ts).
export default function UsersLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={['users', 'roles', 'fields']}>{children}</ClientMessages>;
}
