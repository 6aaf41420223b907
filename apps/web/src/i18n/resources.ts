import enCommon from './en/common.json';
import esCommon from './es/common.json';
import type enSignIn from './en/sign-in.json';
import type enHome from './en/home.json';
import type enAuth from './en/auth.json';
import type enAccount from './en/account.json';
import type enStaff from './en/staff.json';
import type enAdmin from './en/admin.json';

/**
 * Only `common` (the shell and shared fields) is in the main bundle. Every other namespace is
 * loaded with the page that uses it (load-namespaces.ts; app.tsx lists each route's namespaces),
 * so each page carries its own words and no one else's: the sign-in page's 120 KiB budget
 * cannot hold every page's copy in two languages.
 *
 * To add a namespace: put en/<file>.json and es/<file>.json in place, add its type below and its
 * loader in load-namespaces.ts, and list it on its routes in app.tsx.
 */
export const resources = {
  en: { common: enCommon },
  es: { common: esCommon },
} as const;

/** Every namespace, eager or lazy, for typed keys (i18next.d.ts). English is the reference. */
export type AppResources = {
  common: typeof enCommon;
  signIn: typeof enSignIn;
  home: typeof enHome;
  auth: typeof enAuth;
  account: typeof enAccount;
  staff: typeof enStaff;
  admin: typeof enAdmin;
};

export type Namespace = keyof AppResources;

export const defaultNS = 'common';
