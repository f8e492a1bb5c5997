import type messages from '@/messages/en.json';
import type { routing } from './routing';

// Message keys and locales are checked by the type checker.
declare module 'next-intl' {
  interface AppConfig {
    Locale: (typeof routing.locales)[number];
    Messages: typeof messages;
  }
}
