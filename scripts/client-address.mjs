// Where a request came from: the socket's peer, or, behind `trustedHops` reverse proxies that
// each append the address they saw to X-Forwarded-For, the entry the outermost trusted proxy wrote.
export function clientAddressOf(request, trustedHops) {
  const socketAddress = request.socket.remoteAddress ?? 'unknown';
  if (!trustedHops) return socketAddress;
  const forwarded = String(request.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded[forwarded.length - trustedHops] ?? socketAddress;
}
