import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hotp,
  looksLikeRecoveryCode,
  matchTotp,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  otpauthUri,
  totpCode,
  totpStep,
} from './totp';

const SEED_SHA1 = Buffer.from('12345678901234567890');
const SEED_SHA256 = Buffer.from('12345678901234567890123456789012');
const SEED_SHA512 = Buffer.from('1234567890123456789012345678901234567890123456789012345678901234');

describe('HOTP (RFC 4226 appendix D)', () => {
  it('gives the published codes for counters 0 to 9', () => {
    const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
    expect(expected.map((_, counter) => hotp(SEED_SHA1, counter))).toEqual(expected);
  });
});

describe('TOTP (RFC 6238 appendix B, 8 digits)', () => {
  const vectors: [seconds: number, sha1: string, sha256: string, sha512: string][] = [
    [59, '94287082', '46119246', '90693936'],
    [1111111109, '07081804', '68084774', '25091201'],
    [1111111111, '14050471', '67062674', '99943326'],
    [1234567890, '89005924', '91819424', '93441116'],
    [2000000000, '69279037', '90698825', '38618901'],
    [20000000000, '65353130', '77737706', '47863826'],
  ];
  it.each(vectors)('at %i s', (seconds, sha1, sha256, sha512) => {
    const step = totpStep(seconds * 1000);
    expect(hotp(SEED_SHA1, step, 8, 'sha1')).toBe(sha1);
    expect(hotp(SEED_SHA256, step, 8, 'sha256')).toBe(sha256);
    expect(hotp(SEED_SHA512, step, 8, 'sha512')).toBe(sha512);
  });

  it('takes the secret as base32, the way authenticator apps store it', () => {
    const secret = base32Encode(SEED_SHA1);
    expect(secret).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    // The 6-digit code is the last six digits of the 8-digit vector.
    expect(totpCode(secret, 59_000)).toBe('287082');
    expect(totpCode(secret.toLowerCase().replace(/(.{4})/g, '$1 '), 1111111109_000)).toBe('081804');
  });
});

describe('matching a typed code', () => {
  const secret = base32Encode(SEED_SHA1);
  const now = 1_700_000_000_000;
  const step = totpStep(now);
  const codeAt = (s: number) => hotp(SEED_SHA1, s);

  it('accepts the current step and one either side, and says which step matched', () => {
    expect(matchTotp(secret, codeAt(step), now)).toBe(step);
    expect(matchTotp(secret, codeAt(step - 1), now)).toBe(step - 1);
    expect(matchTotp(secret, codeAt(step + 1), now)).toBe(step + 1);
  });

  it('refuses codes two steps away, wrong codes and malformed input', () => {
    expect(matchTotp(secret, codeAt(step - 2), now)).toBeNull();
    expect(matchTotp(secret, codeAt(step + 2), now)).toBeNull();
    const wrong = String((Number(codeAt(step)) + 1) % 1_000_000).padStart(6, '0');
    expect(matchTotp(secret, wrong, now)).toBeNull();
    for (const bad of ['', '12345', '1234567', 'abcdef', ' 123456']) expect(matchTotp(secret, bad, now)).toBeNull();
  });
});

describe('secrets, URIs and recovery codes', () => {
  it('round-trips base32 and makes 160-bit secrets that differ', () => {
    const a = newTotpSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Decode(a).length).toBe(20);
    expect(a).not.toBe(newTotpSecret());
    expect(() => base32Decode('ABC1')).toThrow(/not base32/);
  });

  it('names the issuer 督办 and the username in the otpauth URI', () => {
    const uri = otpauthUri('duchashi', 'JBSWY3DPEHPK3PXP');
    expect(uri.startsWith(`otpauth://totp/${encodeURIComponent('督办:duchashi')}?secret=JBSWY3DPEHPK3PXP&issuer=${encodeURIComponent('督办')}`)).toBe(true);
    const parsed = new URL(uri);
    expect(parsed.host).toBe('totp');
    expect(decodeURIComponent(parsed.pathname)).toBe('/督办:duchashi');
    expect(parsed.searchParams.get('issuer')).toBe('督办');
  });

  it('makes ten distinct, unambiguous recovery codes that are told apart from 6-digit codes', () => {
    const codes = newRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
    expect(normaliseRecoveryCode(' k7qx-mp3d a9te ')).toBe('K7QXMP3DA9TE');
    expect(looksLikeRecoveryCode('k7qx-mp3d-a9te')).toBe(true);
    expect(looksLikeRecoveryCode('123456')).toBe(false);
  });
});
