import { getOptionalUser } from '@/lib/auth/session';
import { AppNav } from '@/components/shell/app-nav';
import { navItemsFor } from '@/components/shell/nav-items';
import { pageLocale } from '@/lib/i18n/page-locale';

export default async function WorkspaceLayout({ children, params }: LayoutProps<'/[locale]'>) {
  await pageLocale(params);
  // Each page requires the user itself, with its own address to come back to after signing in;
  // a redirect from here would win the race and lose that address.
  const user = await getOptionalUser();
  if (!user) return children;
  const items = navItemsFor({ role: user.role, entityId: user.entityId, entityCode: user.entity?.code ?? null });
  return (
    <>
      <AppNav items={items} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
