import 'server-only';
import { db } from '@/lib/db';
import { localized } from '@/lib/i18n/localized';

export type ThematicAreaTree = {
  code: string;
  title: string;
  subAreas: { code: string; title: string }[];
}[];

/** The seven thematic areas with their sub-areas, titled in `locale`. Public. */
export async function listThematicAreas(locale: string): Promise<ThematicAreaTree> {
  const areas = await db.thematicArea.findMany({
    where: { parentId: null },
    orderBy: { order: 'asc' },
    select: {
      code: true,
      title: true,
      subAreas: { orderBy: { order: 'asc' }, select: { code: true, title: true } },
    },
  });
  return areas.map((area) => ({
    code: area.code,
    title: localized(area.title, locale),
    subAreas: area.subAreas.map((sub) => ({ code: sub.code, title: localized(sub.title, locale) })),
  }));
}
