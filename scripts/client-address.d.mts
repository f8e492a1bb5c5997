export function clientAddressOf(
  request: { socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> },
  trustedHops: number,
): string;
