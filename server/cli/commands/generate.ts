import type { Config } from '../../config/config';
import { GENERATED_PASSWORD, PROVINCE_OFFICE_USERNAME } from '../../generate/accounts';
import { GENERATED_TODAY } from '../../generate/calendar';
import {
  checkOptions,
  generateWorld,
  GenerateRefusedError,
  type GenerateOptions,
  type GenerateProgress,
} from '../../generate/generate-world';
import { CliError, output } from '../output';
import { withDatabase } from './admin';

const n = (x: number) => x.toLocaleString('en-US');

function parseOptions(opts: { districts?: string; years?: string; seed?: string }): GenerateOptions {
  if (opts.districts === undefined)
    throw new CliError('generate: missing --districts N (1 for a district, 15 for a city, 100 for a province)');
  const int = (v: string | undefined) => (v === undefined ? undefined : /^\d+$/.test(v) ? Number(v) : NaN);
  try {
    return checkOptions({ districts: int(opts.districts), years: int(opts.years), seed: opts.seed });
  } catch (e) {
    if (e instanceof RangeError) throw new CliError(`generate: ${e.message}`);
    throw e;
  }
}

/**
 * `duban generate --districts N [--years Y] [--seed S]`: a synthetic province in the configured
 * (empty) database. Progress goes to stdout, or to stderr with --json so stdout is the summary.
 */
export async function generateCommand(
  config: Config,
  json: boolean,
  opts: { districts?: string; years?: string; seed?: string },
) {
  const options = parseOptions(opts);
  const progress = (p: GenerateProgress) =>
    (json ? process.stderr : process.stdout).write(
      `[${String(p.district).padStart(String(p.of).length)}/${p.of}] ${p.code} ${p.name}: ${n(p.tasks)} tasks, ${n(p.reports)} reports, ${n(p.entries)} entries (${p.seconds.toFixed(1)} s)\n`,
    );
  const summary = await withDatabase(config, (ctx) => generateWorld(ctx, options, progress)).catch((e: unknown) => {
    if (e instanceof GenerateRefusedError) throw new CliError(`generate: ${e.en}\n${e.zh}`);
    throw e;
  });
  const s = summary;
  output(
    json,
    summary,
    [
      `generated 1 province, ${s.cities} ${s.cities === 1 ? 'city' : 'cities'}, ${s.options.districts} districts, ${s.years[0]}–${s.years.at(-1)} (seed ${s.options.seed}) on ${s.engine} in ${s.seconds.toFixed(1)} s`,
      `  organisations ${n(s.organisations)} · units ${n(s.units)} · users ${n(s.users)} · notices ${n(s.notices)} · tasks ${n(s.tasks)} · indicators ${n(s.indicators)} · periods ${n(s.periods)}`,
      `  reports ${n(s.reports)} · task_progress ${n(s.taskProgress)} · indicator_actuals ${n(s.indicatorActuals)} · notifications ${n(s.notifications)} · upstream links ${n(s.upstreamLinks)}`,
      `  time: directories ${s.timings.directories.toFixed(1)} s, notice imports ${s.timings.imports.toFixed(1)} s, reports ${s.timings.reports.toFixed(1)} s`,
      `sign in as g001.office, g001.u01.clerk, ${PROVINCE_OFFICE_USERNAME} … with ${GENERATED_PASSWORD}; serve with DUBAN_DEMO=off DUBAN_TODAY=${GENERATED_TODAY}`,
    ].join('\n'),
  );
}
