import { describe, expect, it } from 'vitest';
import { checkFiles, formatSize, inLanguage } from './message-words.ts';

describe('checkFiles', () => {
  const png = { name: 'a.png', size: 100, type: 'image/png' };
  it('accepts photos and PDFs up to 10 MB, five at most', () => {
    expect(checkFiles([png, { name: 'b.pdf', size: 10 * 1024 * 1024, type: 'application/pdf' }, { name: 'c.HEIC', size: 5, type: '' }])).toBeNull();
  });
  it('names the file that is too big or of the wrong type, and refuses a sixth file', () => {
    expect(checkFiles([{ name: 'big.jpg', size: 10 * 1024 * 1024 + 1, type: 'image/jpeg' }])).toEqual({ kind: 'tooBig', name: 'big.jpg' });
    expect(checkFiles([{ name: 'notes.docx', size: 5, type: 'application/msword' }])).toEqual({ kind: 'wrongType', name: 'notes.docx' });
    expect(checkFiles([{ name: 'run.exe', size: 5, type: '' }])).toEqual({ kind: 'wrongType', name: 'run.exe' });
    expect(checkFiles(Array.from({ length: 6 }, () => png))).toEqual({ kind: 'tooMany' });
  });
});

describe('formatSize and inLanguage', () => {
  it('words sizes and picks the pool words for the language on screen', () => {
    expect(formatSize(70, 'en')).toBe('70 B');
    expect(formatSize(1536, 'en')).toBe('1.5 KB');
    expect(formatSize(3 * 1024 * 1024, 'es')).toBe('3 MB');
    expect(inLanguage({ en: 'Front desk', es: 'Recepción' }, 'es')).toBe('Recepción');
    expect(inLanguage({ en: 'Front desk', es: 'Recepción' }, 'en')).toBe('Front desk');
  });
});
