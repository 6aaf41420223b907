/**
 * A note's own headings start at h1; shown inside a visit whose note title is an h3, they move
 * down to follow it (h1 → h4, h2 → h5, deeper → h6) so the page's outline stays in order.
 * The HTML was already sanitized by the server; a template element parses without running anything.
 */
export function nestHeadings(html: string, below: number): string {
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const heading of template.content.querySelectorAll('h1, h2, h3, h4, h5, h6')) {
    const level = Math.min(6, Number(heading.tagName[1]) + below);
    const replacement = document.createElement(`h${level}`);
    replacement.append(...heading.childNodes);
    heading.replaceWith(replacement);
  }
  return template.innerHTML;
}
