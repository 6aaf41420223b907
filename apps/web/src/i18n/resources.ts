import enCommon from './en/common.json';
import enSignIn from './en/sign-in.json';
import enHome from './en/home.json';
import enAuth from './en/auth.json';
import esCommon from './es/common.json';
import esSignIn from './es/sign-in.json';
import esHome from './es/home.json';
import esAuth from './es/auth.json';

/**
 * Both languages are bundled: together they are a few KiB gzip, less than
 * the code it would take to lazy-load one of them.
 * Namespaces: common (shell, shared fields), signIn, home, auth (activation, sign-up,
 * password reset). Add a namespace here and in index.ts `ns`.
 */
export const resources = {
  en: { common: enCommon, signIn: enSignIn, home: enHome, auth: enAuth },
  es: { common: esCommon, signIn: esSignIn, home: esHome, auth: esAuth },
} as const;

export const defaultNS = 'common';
