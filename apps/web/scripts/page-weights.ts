import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What a page downloads, as recorded in Vite's build manifest. */
export type PageWeight = {
  page: string;
  /** Sum of gzip sizes of every JS chunk the page requests, in KiB (1024 bytes). */
  jsGzipKiB: number;
  cssGzipKiB: number;
  /** Paths relative to the dist directory, JS first. */
  files: string[];
};

export type PageName = 'sign-in' | 'home';

/**
 * What a page loads besides the entry: its lazy module (as app.tsx imports it), the words of its
 * i18n namespaces (src/i18n/load-namespaces.ts, both languages), and for a later step of a page,
 * the chunks that step adds.
 */
export type PageModules = { module: string; words?: string[]; more?: string[] };

const words = (file: string) => [`src/i18n/en/${file}.json`, `src/i18n/es/${file}.json`];
const signIn: PageModules = { module: 'src/features/sign-in/sign-in-page.tsx', words: words('sign-in') };

/** The pages bench/web audits with Lighthouse. */
export const pageModules: Record<PageName, PageModules> = {
  'sign-in': signIn,
  home: { module: 'src/features/home/home-page.tsx', words: words('home') },
};

/** Every page and step worth watching, for `npm run weights`. */
export const allPageModules: Record<string, PageModules> = {
  ...pageModules,
  'sign-in, second step': { ...signIn, more: ['src/features/sign-in/second-step.tsx'] },
  'sign-in, with passkey': { ...signIn, more: ['../../node_modules/@simplewebauthn/browser/esm/index.js'] },
  activate: { module: 'src/features/activate/activate-page.tsx', words: words('auth') },
  'sign-up': { module: 'src/features/sign-up/sign-up-page.tsx', words: words('auth') },
  'forgot-password': { module: 'src/features/password-reset/forgot-password-page.tsx', words: words('auth') },
  'reset-password': { module: 'src/features/password-reset/reset-password-page.tsx', words: words('auth') },
  'account security': { module: 'src/features/account/security-page.tsx' },
  'account activity': { module: 'src/features/account/activity-page.tsx' },
  staff: { module: 'src/features/staff/staff-page.tsx' },
  'audit report': { module: 'src/features/admin/audit-page.tsx' },
  'idle dialog (signed in)': { module: 'src/features/home/home-page.tsx', words: words('home'), more: ['src/session/idle-dialog.tsx'] },
};
type ManifestChunk = {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  css?: string[];
};
type Manifest = Record<string, ManifestChunk>;

/** A chunk plus everything it imports statically, which the browser fetches with it. */
function collect(manifest: Manifest, key: string, js: Set<string>, css: Set<string>): void {
  const chunk = manifest[key];
  if (!chunk) throw new Error(`Chunk ${key} is not in the Vite manifest`);
  if (js.has(chunk.file)) return;
  js.add(chunk.file);
  for (const file of chunk.css ?? []) css.add(file);
  for (const imported of chunk.imports ?? []) collect(manifest, imported, js, css);
}

function gzipKiB(distDir: string, files: Iterable<string>): number {
  let bytes = 0;
  for (const file of files) bytes += gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length;
  return Math.round((bytes / 1024) * 10) / 10;
}

/**
 * Measures the gzip JavaScript and CSS each page loads on a cold visit: the entry
 * chunk, its static imports, and the page's lazy chunk and words with their own static imports.
 * Needs a build made with `build.manifest: true` (dist/.vite/manifest.json).
 */
export function pageWeights<P extends string = PageName>(distDir: string, pages: Record<P, PageModules> = pageModules as Record<P, PageModules>): (PageWeight & { page: P })[] {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('The Vite manifest has no entry chunk');

  return (Object.keys(pages) as P[]).map((page) => {
    const js = new Set<string>();
    const css = new Set<string>();
    collect(manifest, entryKey, js, css);
    const { module, words = [], more = [] } = pages[page];
    for (const key of [module, ...words, ...more]) collect(manifest, key, js, css);
    return { page, jsGzipKiB: gzipKiB(distDir, js), cssGzipKiB: gzipKiB(distDir, css), files: [...js, ...css] };
  });
}

if (import.meta.main) {
  const distDir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'dist'));
  for (const weight of pageWeights(distDir, allPageModules)) {
    console.log(`${weight.page}: ${weight.jsGzipKiB} KiB JS, ${weight.cssGzipKiB} KiB CSS (gzip)`);
    for (const file of weight.files) console.log(`  ${file}`);
  }
}
