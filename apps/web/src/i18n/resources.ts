import enCommon from './en/common.json';
import enSignIn from './en/sign-in.json';
import enHome from './en/home.json';
import esCommon from './es/common.json';
import esSignIn from './es/sign-in.json';
import esHome from './es/home.json';

/**
 * Both languages are bundled: together they are about 3 KiB gzip, less than
 * the code it would take to lazy-load one of them.
 */
export const resources = {
  en: { common: enCommon, signIn: enSignIn, home: enHome },
  es: { common: esCommon, signIn: esSignIn, home: esHome },
} as const;

export const defaultNS = 'common';
