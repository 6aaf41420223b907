import sanitizeHtml from 'sanitize-html';

/*
 * Clinical notes may arrive as HTML from other systems. Before a browser sees one it is cut down to
 * an allow-list of formatting tags: no scripts, event handlers, styles, frames, forms, images or
 * classes, and links only to http(s) and mailto. The page shows the result inside its own layout,
 * and the content route also sends it with a sandboxing CSP, so this is one of two fences.
 */
const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'div', 'span', 'blockquote', 'pre', 'code',
    'strong', 'b', 'em', 'i', 'u', 's', 'sub', 'sup', 'small', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
    'table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'a',
  ],
  allowedAttributes: { a: ['href', 'rel'], th: ['scope', 'colspan', 'rowspan'], td: ['colspan', 'rowspan'], ol: ['start'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Script and style contents are dropped with their tags, not kept as text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'head'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
};

/** The note's HTML reduced to safe formatting (see OPTIONS above). */
export function sanitizeNoteHtml(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
