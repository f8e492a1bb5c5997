import { notFound } from 'next/navigation';
import { requireUser } from '@/lib/auth/session';
import { redirect } from '@/lib/i18n/navigation';
import { pageLocale } from '@/lib/i18n/page-locale';

/** A stable address for "my entity" that focal points can bookmark. */
export default async function MyEntityPage({ params }: PageProps<'/[locale]/my-entity'>) {
  const locale = await pageLocale(params);
  const user = await requireUser('/my-entity');
  if (!user.entity) notFound();
  redirect({ href: `/entities/${user.entity.code}`, locale });
}
