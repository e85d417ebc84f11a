// `npm run bench`: every benchmark in one go, one line per figure, each with its target where the
// issue sets one. Kept out of `npm test`: figures depend on the machine, tests must not. The lines
// of each run are also added to bench/RESULTS.md with the date and the machine's size.
//
//   npm run bench                                  everything, province scale, SQLite and PostgreSQL
//   npm run bench -- --districts 15                city scale (1: one district)
//   npm run bench -- --only parse,web              some parts (parse, api, scale, web)
//   npm run bench -- --engines sqlite              one engine
//   BENCH_DATABASE_URL=postgres://…/postgres       the PostgreSQL server (default 127.0.0.1:5432)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../server/config/config';
import { openContext } from '../server/context';
import { startServerProcess } from '../server/test/server-process';
import { postgresWorld, sqliteWorld, type World } from './data/worlds';
import { benchApiLoad, BENCH_SERVER_ENV } from './load/api-load.bench';
import { benchParse, benchParseServer, benchParseSizes } from './parse.bench';
import { benchScale } from './scale.bench';
import { runWebBench } from './web.bench';

const { values } = parseArgs({
  options: {
    districts: { type: 'string', default: '100' },
    years: { type: 'string', default: '4' },
    only: { type: 'string', default: 'parse,api,scale,web' },
    engines: { type: 'string', default: 'sqlite,postgres' },
  },
});
const parts = new Set(values.only.split(','));
const engines = values.engines.split(',');
const options = { districts: Number(values.districts), years: Number(values.years), seed: '1' };
const scale = options.districts >= 100 ? 'province' : options.districts >= 15 ? 'city' : 'district';
const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

const lines: string[] = [];
const print = (line: string) => {
  lines.push(line);
  console.log(line);
};
const log = (line: string) => console.log(`  · ${line}`);
const started = new Date();
const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
print(`duban bench — ${started.toISOString()} — ${os.cpus().length} cores (${cpu}), ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, ${os.platform()} ${os.release()}`);

if (parts.has('parse')) {
  for (const line of benchParse()) print(line);
  for (const line of benchParseSizes()) print(line);
  for (const line of await benchParseServer()) print(line);
}

if (parts.has('api') || parts.has('scale')) {
  for (const engine of engines) {
    const world: World = engine === 'postgres' ? await postgresWorld(pgUrl, options, log) : await sqliteWorld(options, log);
    const env = { ...world.env, ...BENCH_SERVER_ENV };
    const ctx = await openContext(loadConfig({ ...process.env, ...env }));
    const app = await startServerProcess(env, { readyTimeoutMs: 120_000 });
    try {
      if (parts.has('scale')) await benchScale({ engine, appUrl: app.url, ctx, print, scale: `${scale} (${options.districts} districts × ${options.years} years, seed ${options.seed})` });
      if (parts.has('api')) await benchApiLoad({ engine, appUrl: app.url, ctx, print });
    } finally {
      await app.stop();
      await ctx.close();
    }
  }
}

if (parts.has('web')) await runWebBench(print);

const seconds = Math.round((Date.now() - started.getTime()) / 1000);
print(`bench took ${seconds} s`);

// Newest run first, under the file's heading.
const results = path.join(import.meta.dirname, 'RESULTS.md');
const heading = '# Benchmark results\n\nEach `npm run bench` adds its lines here, newest first (the first line names the date and the machine).\n';
const before = fs.existsSync(results) ? fs.readFileSync(results, 'utf8').replace(heading, '') : '';
const section = `\n## ${started.toISOString().slice(0, 16).replace('T', ' ')} UTC — \`npm run bench -- --districts ${options.districts} --only ${values.only} --engines ${values.engines}\`\n\n\`\`\`\n${lines.join('\n')}\n\`\`\`\n`;
fs.writeFileSync(results, heading + section + before);
