// Every message catalogue, for what is written outside a page's request (e-mails, exports,
// workbooks) in a language other than the page's: the recipient's or the one asked for.
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import es from '@/messages/es.json';
import fr from '@/messages/fr.json';
import ru from '@/messages/ru.json';
import zh from '@/messages/zh.json';
import type { Locale } from './routing';

export type Catalogue = typeof en;

// Each catalogue has English's keys and arguments (tests/unit/messages.test.ts checks it).
export const CATALOGUES: Record<Locale, Catalogue> = { ar, en, es, fr, ru, zh } as Record<Locale, Catalogue>;
