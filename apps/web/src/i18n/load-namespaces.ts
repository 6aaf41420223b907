import type { Locale } from '@ourchart/contracts';
import { i18n } from './index.ts';
import type { Namespace } from './resources.ts';

type Bundle = { default: Record<string, unknown> };
// account, staff, admin and forms register themselves in a words.ts imported by the code using them.
type LazyNamespace = Extract<Namespace, 'signIn' | 'home' | 'auth'>;

// One loader per namespace, both languages at once, so switching language never waits.
const loaders: Record<LazyNamespace, () => Promise<[Bundle, Bundle]>> = {
  signIn: () => Promise.all([import('./en/sign-in.json'), import('./es/sign-in.json')]),
  home: () => Promise.all([import('./en/home.json'), import('./es/home.json')]),
  auth: () => Promise.all([import('./en/auth.json'), import('./es/auth.json')]),
};

/** Adds the namespaces' words in every language, once; resolves when they can be used. */
export async function loadNamespaces(namespaces: readonly LazyNamespace[]): Promise<void> {
  await Promise.all(
    namespaces.map(async (namespace) => {
      if (i18n.hasResourceBundle('en', namespace)) return;
      const [en, es] = await loaders[namespace]();
      const bundles: Record<Locale, Bundle> = { en, es };
      for (const language of Object.keys(bundles) as Locale[]) {
        i18n.addResourceBundle(language, namespace, bundles[language].default, true, true);
      }
    }),
  );
}

export type { LazyNamespace };
