// Locale routing only. Never a security boundary: every page, query and action authorizes
// on its own (ARCHITECTURE.md, request flow).
import createMiddleware from 'next-intl/middleware';
import { routing } from '@/lib/i18n/routing';

export default createMiddleware(routing);

export const config = {
  matcher: '/((?!api|_next|_vercel|.*\\..*).*)',
};
