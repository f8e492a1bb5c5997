// Known domain errors carry a message meant for the person who caused them; anything else is
// unexpected and gets a generic message (ARCHITECTURE.md, rule 7).
export class DomainError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DomainError';
  }
}

export function isDomainError(error: unknown): error is DomainError {
  return error instanceof DomainError;
}
