import 'next-auth';
import 'next-auth/jwt';

// What lib/auth/config.ts puts in the token and the session (lib/auth/session-policy.ts).
declare module 'next-auth' {
  interface Session {
    uid?: string;
    sv?: number;
    /** The session's id (a row of UserSession). */
    sid?: string;
    /** Sign-in time, in seconds since 1970. */
    sat?: number;
    /** The profile's language when the session began. */
    locale?: string;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    uid?: string;
    sv?: number;
    sid?: string;
    sat?: number;
    lc?: string;
  }
}
