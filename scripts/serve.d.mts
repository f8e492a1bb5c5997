import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';

export const MAX_REQUEST_BYTES: number;

export function createRequestHandler(
  handle: (request: IncomingMessage, response: ServerResponse) => unknown,
  options: { hops?: number; appUrl: string; maxRequestBytes?: number; logger?: { info(fields: Record<string, unknown>, message: string): void } },
): RequestListener;

export function loggedPath(url: string | undefined): string;
export function workerCount(value: string | undefined): number;
