import os from 'node:os';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../config/config';
import { createUserCommand, migrate, verifyAudit } from './commands/admin';
import { backupCommand, restoreCommand } from './commands/backup';
import { generateCommand } from './commands/generate';
import { importCommand, parseCommand } from './commands/notice';
import { remindCommand } from './commands/remind';
import { serve } from './commands/serve';
import { CliError } from './output';

const USAGE = `Usage: duban <command> [options]

Commands:
  serve [--workers N]        start the web app and API (PORT, DATABASE_URL, DUBAN_DATA_DIR, DUBAN_DEMO); N processes
                             on one port (default 1; 'auto': one per core)
  migrate                    bring the database schema up to date
  create-user                --org CODE --username U --name NAME --role ROLE [--unit UNIT] [--leader NAME] --password P
  verify-audit               check the audit log's hash chain; exit code 2 if it is broken
                             [--file F: check an audit export instead, and compare it with this database's entries]
  parse FILE…                parse notices (.txt .csv .docx .xlsx .pdf .ofd) and print the ledger; writes nothing
                             [--corpus: every checked field as JSON; --check: compare with NAME.expected.json beside each]
  import FILE --org CODE     import a notice into the ledger [--update to apply the differences to one already imported]
  remind [--dry-run]         today's reminders (business clock): --dry-run lists them and to whom, writing nothing;
                             without it, one sweep and one send pass
  generate --districts N     a synthetic province into an empty database (never the demo): N districts (1, 15 = a city,
                             100 = a province) with notices, directories, accounts (g001.office …, password Duban@2024)
                             and reports up to 2024-06-25 [--years Y (default 4, ending 2024)] [--seed S (default 1)]
  backup [--out FILE]        the whole database as one consistent file (gzip JSON lines), while the server runs
  restore FILE               a backup into an empty database with the same schema, all or nothing

Options:
  --json                     machine-readable output
  -h, --help                 this help`;

async function main(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      corpus: { type: 'boolean', default: false },
      check: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
      org: { type: 'string' },
      username: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      unit: { type: 'string' },
      leader: { type: 'string' },
      password: { type: 'string' },
      update: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      out: { type: 'string' },
      file: { type: 'string' },
      districts: { type: 'string' },
      years: { type: 'string' },
      seed: { type: 'string' },
      workers: { type: 'string' },
    },
  });
  const [command] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  // parse touches no database and needs no configuration.
  if (command === 'parse') return parseCommand(positionals.slice(1), { json: values.json, corpus: values.corpus, check: values.check });
  const config = loadConfig();
  switch (command) {
    case 'serve':
      return serve(config, { workers: workersOption(values.workers) });
    case 'migrate':
      return migrate(config, values.json);
    case 'create-user':
      return createUserCommand(config, values.json, values);
    case 'verify-audit':
      return verifyAudit(config, values.json, values.file);
    case 'import':
      return importCommand(config, positionals[1], values.json, values);
    case 'remind':
      return remindCommand(config, values.json, values['dry-run']);
    case 'backup':
      return backupCommand(config, values.json, values.out);
    case 'restore':
      return restoreCommand(config, values.json, positionals[1]);
    case 'generate':
      return generateCommand(config, values.json, values);
    default:
      throw new CliError(`unknown command "${command}"\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`配置错误 / ${error.message}\n`);
    process.exit(78); // EX_CONFIG
  }
  if (error instanceof CliError || (error instanceof Error && error.name === 'TypeError' && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'))) {
    process.stderr.write(`duban: ${error.message}\n`);
    process.exit(error instanceof CliError ? error.exitCode : 64);
  }
  process.stderr.write(`duban: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});

/** --workers N (1–64) or 'auto' (one per core); a bad value stops with what to type instead. */
function workersOption(value: string | undefined): number {
  if (value === undefined) return 1;
  if (value === 'auto') return os.availableParallelism();
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw new CliError(`--workers ${value}: give a whole number from 1 to 64, or auto (one per core)`);
  return n;
}
