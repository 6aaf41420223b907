import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

/** What a page downloads, as recorded in Vite's build manifest. */
export type PageWeight = {
  page: PageName;
  /** Sum of gzip sizes of every JS chunk the page requests, in KiB (1024 bytes). */
  jsGzipKiB: number;
  cssGzipKiB: number;
  /** Paths relative to the dist directory, JS first. */
  files: string[];
};

export type PageName = 'sign-in' | 'home';

/** The lazily loaded module of each page, as app.tsx imports it. */
export const pageModules: Record<PageName, string> = {
  'sign-in': 'src/features/sign-in/sign-in-page.tsx',
  home: 'src/features/home/home-page.tsx',
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
 * chunk, its static imports, and the page's lazy chunk with its own static imports.
 * Needs a build made with `build.manifest: true` (dist/.vite/manifest.json).
 */
export function pageWeights(distDir: string): PageWeight[] {
  const manifest = JSON.parse(readFileSync(join(distDir, '.vite', 'manifest.json'), 'utf8')) as Manifest;
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error('The Vite manifest has no entry chunk');

  return (Object.keys(pageModules) as PageName[]).map((page) => {
    const js = new Set<string>();
    const css = new Set<string>();
    collect(manifest, entryKey, js, css);
    collect(manifest, pageModules[page], js, css);
    return { page, jsGzipKiB: gzipKiB(distDir, js), cssGzipKiB: gzipKiB(distDir, css), files: [...js, ...css] };
  });
}

if (import.meta.main) {
  const distDir = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'dist'));
  for (const weight of pageWeights(distDir)) {
    console.log(`${weight.page}: ${weight.jsGzipKiB} KiB JS, ${weight.cssGzipKiB} KiB CSS (gzip)`);
    for (const file of weight.files) console.log(`  ${file}`);
  }
}
