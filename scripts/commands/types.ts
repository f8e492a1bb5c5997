export type Command = {
  name: string;
  summary: string;
  usage: string;
  run(args: string[]): Promise<void>;
};

/** A mistake in how a command was called: printed with the command's usage, exit code 2. */
export class UsageError extends Error {}
