import { describe, expect, it } from 'vitest';
import { message, messageWithoutFooter } from './templates.ts';

describe('email builder', () => {
  it('keeps the given text whole and makes an HTML twin: a paragraph per block, line breaks, links, escaped', () => {
    const mail = messageWithoutFooter('a@example.com', 'Subject', 'Hello <you> & "them".\n\nOpen:\nhttps://portal.example/x?a=1\n— OurChart', 'es');
    expect(mail).toEqual({
      to: 'a@example.com',
      subject: 'Subject',
      text: 'Hello <you> & "them".\n\nOpen:\nhttps://portal.example/x?a=1\n— OurChart',
      html:
        '<!doctype html><html lang="es"><body style="font-family:sans-serif;line-height:1.5">' +
        '<p>Hello &lt;you&gt; &amp; &quot;them&quot;.</p>' +
        '<p>Open:<br><a href="https://portal.example/x?a=1">https://portal.example/x?a=1</a><br>— OurChart</p></body></html>',
    });
  });

  it('adds the "if you did not ask for this" footer to the account emails', () => {
    const mail = message('a@example.com', 'S', 'Body.', 'en');
    expect(mail.text).toBe('Body.\n\nIf you did not ask for this, you can ignore this email, or call your clinic.\n— OurChart');
    expect(mail.html).toContain('<p>Body.</p><p>If you did not ask for this, you can ignore this email, or call your clinic.<br>— OurChart</p>');
  });
});
