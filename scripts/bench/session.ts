// Signing in over HTTP as a browser does (next-auth's credentials flow): the CSRF token and its
// cookie, then the form; what comes back is the session cookie the measured requests carry.

/** The `name=value` pairs of a response's Set-Cookie headers. */
function cookiesOf(response: Response): string[] {
  return response.headers.getSetCookie().map((header) => header.split(';')[0]!).filter((pair) => !pair.endsWith('='));
}

/** A Cookie header for `email`, signed in on `baseUrl`. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${baseUrl}/api/auth/csrf`);
  if (!csrf.ok) throw new Error(`GET /api/auth/csrf answered ${csrf.status}`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookiesOf(csrf).join('; ') },
    body: new URLSearchParams({ csrfToken, email, password, json: 'true' }),
  });
  const session = cookiesOf(response).filter((pair) => pair.includes('session-token'));
  if (session.length === 0) {
    const body = await response.text();
    const error = /[?&]error=([^&"]+)/.exec(body)?.[1];
    throw new Error(`Could not sign in as ${email}: ${error ? decodeURIComponent(error) : `${response.status} ${body.slice(0, 200)}`}`);
  }
  const cookie = session.join('; ');
  // The cookie must name this user: a session for someone else would measure the wrong pages.
  const check = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } })).json()) as { user?: { email?: string } };
  if (check.user?.email !== email) throw new Error(`Signed in as ${email}, but the session says ${check.user?.email ?? 'nobody'}.`);
  return cookie;
}
