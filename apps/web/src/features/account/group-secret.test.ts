import { describe, expect, it } from 'vitest';
import { digitsOnly, groupSecret, isSixDigitCode, svgDataUrl } from './group-secret.ts';

describe('groupSecret', () => {
  it('splits a key into groups of four, the last one shorter', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXPAB')).toEqual(['JBSW', 'Y3DP', 'EHPK', '3PXP', 'AB']);
  });
  it('ignores spaces and dashes and uppercases', () => {
    expect(groupSecret('jbsw y3dp-ehpk')).toEqual(['JBSW', 'Y3DP', 'EHPK']);
  });
  it('gives no groups for an empty key', () => {
    expect(groupSecret('')).toEqual([]);
  });
});

describe('six-digit codes', () => {
  it('accepts codes typed with a space or dash', () => {
    expect(digitsOnly('123 456')).toBe('123456');
    expect(isSixDigitCode('123-456')).toBe(true);
  });
  it('refuses short, long and non-numeric codes', () => {
    expect(isSixDigitCode('12345')).toBe(false);
    expect(isSixDigitCode('1234567')).toBe(false);
    expect(isSixDigitCode('12a456')).toBe(false);
  });
});

describe('svgDataUrl', () => {
  it('encodes the markup as base64, non-ASCII included', () => {
    const url = svgDataUrl('<svg>é</svg>');
    expect(url.startsWith('data:image/svg+xml;base64,')).toBe(true);
    const decoded = new TextDecoder().decode(Uint8Array.from(atob(url.split(',')[1]!), (c) => c.charCodeAt(0)));
    expect(decoded).toBe('<svg>é</svg>');
  });
});
