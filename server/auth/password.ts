import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../errors/app-error';

// argon2id with the OWASP-recommended minimum (19 MiB, 2 passes): memory-hard, so a stolen
// table is expensive to crack on GPUs.
// algorithm 2 = Argon2id (the package's const enum cannot be imported under verbatimModuleSyntax).
const OPTIONS = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** At least 8 characters (at most 128) from at least three of four character classes. */
export function checkPasswordStrength(password: string): void {
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (password.length < 8 || password.length > 128 || classes < 3) throw new AppError('PASSWORD_TOO_WEAK');
}

// Verifying against a fixed hash when the user does not exist keeps sign-in time the same
// for unknown and known usernames, so timing does not reveal which accounts exist.
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('not-a-real-password-Aa1!');
  return dummyHash;
}
