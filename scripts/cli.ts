// `npm run cli -- <command> [options]`: the command-line entry point. Each command lives in
// scripts/commands/; add new ones to COMMANDS.
import { existsSync } from 'node:fs';
import { DomainError } from '@/lib/errors';
import { createUserCommand, disableUserCommand } from './commands/users';
import { grantAppRoleCommand, migrateCommand, seedCommand } from './commands/setup';
import { importInstrumentCommand, parseInstrumentCommand } from './commands/instruments';
import { exportCatalogueCommand, importCatalogueCommand } from './commands/catalogue-io';
import { importDocumentCommand, parseDocumentCommand } from './commands/documents';
import { UsageError, type Command } from './commands/types';

const COMMANDS: Command[] = [
  migrateCommand, seedCommand, grantAppRoleCommand, createUserCommand, disableUserCommand,
  parseInstrumentCommand, importInstrumentCommand, exportCatalogueCommand, importCatalogueCommand,
  parseDocumentCommand, importDocumentCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((command) => command.name.length), 4);
  return [
    'Usage: npm run cli -- <command> [options]',
    '',
    'Commands:',
    `  ${'help'.padEnd(width)}  Show this help, or a command's usage: help <command>.`,
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`),
    '',
    'Commands that use the database read DATABASE_URL.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  if (existsSync('.env')) process.loadEnvFile('.env');
  const [name, ...args] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    const command = COMMANDS.find((candidate) => candidate.name === args[0]);
    console.log(command ? `Usage: npm run cli -- ${command.usage}\n\n${command.summary}` : help());
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    console.error(`Unknown command "${name}".\n\n${help()}`);
    return 2;
  }
  try {
    await command.run(args);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
      console.error(`${error.message}\n\nUsage: npm run cli -- ${command.usage}`);
      return 2;
    }
    if (error instanceof DomainError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
