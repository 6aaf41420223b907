import type { PoolInfo } from '@ourchart/contracts';

// Small pure helpers the messaging pages share.

/** The pool's words in the language on screen (the server sends both). */
export function inLanguage(words: PoolInfo['name'], language: string): string {
  return language.startsWith('es') ? words.es : words.en;
}

/** "70 bytes", "12 KB", "3.4 MB". */
export function formatSize(bytes: number, language: string): string {
  const n = new Intl.NumberFormat(language, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${n.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${n.format(bytes / 1024)} KB`;
  return `${n.format(bytes / (1024 * 1024))} MB`;
}

/** What the browser checks before sending (the server checks again, by content). */
export const FILE_RULES = {
  max: 5,
  maxBytes: 10 * 1024 * 1024,
  accept: 'image/jpeg,image/png,image/heic,.heic,application/pdf,.jpg,.jpeg,.png,.pdf',
  types: new Set(['image/jpeg', 'image/png', 'image/heic', 'image/heif', 'application/pdf']),
  extensions: /\.(jpe?g|png|heic|pdf)$/i,
};

export type FileProblem = { kind: 'tooMany' } | { kind: 'tooBig' | 'wrongType'; name: string };

/** The first problem with a set of files, or null. A file the browser cannot type (HEIC on many systems) is judged by its name. */
export function checkFiles(files: readonly { name: string; size: number; type: string }[]): FileProblem | null {
  if (files.length > FILE_RULES.max) return { kind: 'tooMany' };
  for (const f of files) {
    const typeOk = f.type ? FILE_RULES.types.has(f.type) : FILE_RULES.extensions.test(f.name);
    if (!typeOk) return { kind: 'wrongType', name: f.name };
    if (f.size > FILE_RULES.maxBytes) return { kind: 'tooBig', name: f.name };
  }
  return null;
}
