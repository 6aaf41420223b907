/**
 * Splits a key for typing into groups of four ("JBSW Y3DP EHPK 3PXP"), the way
 * authenticator apps show it. Spaces and dashes already in the key are ignored.
 */
export function groupSecret(secret: string, size = 4): string[] {
  const plain = secret.replace(/[\s-]/g, '').toUpperCase();
  const groups: string[] = [];
  for (let i = 0; i < plain.length; i += size) groups.push(plain.slice(i, i + size));
  return groups;
}

/** A code as people type it ("123 456", "123-456") reduced to its digits. */
export function digitsOnly(code: string): string {
  return code.replace(/[\s-]/g, '');
}

/** True for exactly six digits after removing spaces and dashes. */
export function isSixDigitCode(code: string): boolean {
  return /^\d{6}$/.test(digitsOnly(code));
}

/** The SVG the server drew, as an image address: shown with <img>, never put into the page as markup. */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}
