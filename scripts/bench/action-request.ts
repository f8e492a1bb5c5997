// A server action called as React calls it from a form (useActionState): a multipart POST to the
// page, with the action's id in Next-Action, the arguments in field "0" (the previous state, then
// the form, whose fields React 19.3 prefixes "_1_": its encodeReply), and an Origin of this site
// (scripts/serve.mjs refuses any other).
import type { Request } from 'autocannon';

const BOUNDARY = 'benchBoundary7MA4YWxkTrZu0gW';

export function actionRequest(options: { path: string; actionId: string; origin: string; cookie: string; fields: Record<string, string> }): Request {
  // The root "0" last, as React sends it: the server decodes it as soon as it arrives, and the
  // form's fields must be there by then.
  const parts = [
    ...Object.entries(options.fields).map(([name, value]) => [`_1_${name}`, value] as const),
    ['0', '["$undefined","$K1"]'] as const,
  ].map(([name, value]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`);
  return {
    method: 'POST',
    path: options.path,
    headers: {
      'next-action': options.actionId,
      origin: options.origin,
      cookie: options.cookie,
      accept: 'text/x-component',
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
    },
    body: Buffer.from(`${parts.join('')}--${BOUNDARY}--\r\n`),
  };
}

/** The action's answer (an RSC stream) carries its ActionState: `{"ok":true,…}` when the work was done. */
export const actionSucceeded = (_status: number, body: string) => body.includes('"ok":true');
