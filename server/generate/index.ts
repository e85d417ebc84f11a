/**
 * The synthetic data generator (issue 8, `duban generate`): a deterministic province of N districts
 * with several years of notices and reports, for scale and speed work. Benchmarks find accounts
 * with generatedAccounts(district) (usernames g001.office, g001.u07.clerk …, password
 * GENERATED_PASSWORD) and the open quarter as described there; the app serves a generated
 * database with DUBAN_DEMO=off DUBAN_TODAY=GENERATED_TODAY.
 */
export { generateWorld, GenerateRefusedError, GENERATE_LIMITS } from './generate-world';
export type { GenerateOptions, GenerateProgress, GenerateSummary } from './generate-world';
export {
  generatedAccounts,
  GENERATED_PASSWORD,
  DEFAULT_SEED,
  PROVINCE_OFFICE_USERNAME,
  cityOfficeUsername,
} from './accounts';
export { GENERATED_TODAY, FINAL_YEAR } from './calendar';
