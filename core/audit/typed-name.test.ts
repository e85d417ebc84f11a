import { describe, expect, it } from 'vitest';
import { isTypedNameActor, typedNameActor, visibleText } from './typed-name';

describe('typed text as the audit log keeps it', () => {
  it('writes out control, bidirectional and zero-width characters and lone surrogates, keeps the rest', () => {
    expect(visibleText('a\u0000b\u001bc\u007f\u0085')).toBe('a[U+0000]b[U+001B]c[U+007F][U+0085]');
    expect(visibleText('x\u202ay\u2066z\u2069\u200b\ufeff')).toBe('x[U+202A]y[U+2066]z[U+2069][U+200B][U+FEFF]');
    expect(visibleText('a\ud800b')).toBe('a[U+D800]b');
    expect(visibleText('张三😀 <img onerror=x> =1+1')).toBe('张三😀 <img onerror=x> =1+1');
  });

  it('bounds the text in characters, escapes counted, and says it was cut', () => {
    expect(visibleText('一'.repeat(70))).toBe(`${'一'.repeat(64)}…`);
    expect(visibleText('\u202e'.repeat(20), 20)).toBe('[U+202E][U+202E]…');
    expect(visibleText('一'.repeat(64))).toBe('一'.repeat(64));
  });

  it('marks a name with no account as typed', () => {
    expect(typedNameActor('system')).toBe('输入的用户名：system');
    expect(isTypedNameActor(typedNameActor('system'))).toBe(true);
    expect(isTypedNameActor('system')).toBe(false);
  });
});
