import { Locale } from '@obolus/contracts';
import { RenderedEmail } from './templates';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text or attribute content: every character that could open markup is escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ESCAPES[character]!);
}

/** An http(s) link in a line of text; it ends at white space or a character a URL does not end with. */
const LINK = /\bhttps?:\/\/[^\s<>"']+[^\s<>"'.,;:!?)]/g;

/** One line: escaped text, with each link made clickable (its text and its href escaped alike). */
function lineHtml(line: string): string {
  let html = '';
  let last = 0;
  for (const match of line.matchAll(LINK)) {
    html += escapeHtml(line.slice(last, match.index));
    const url = escapeHtml(match[0]);
    html += `<a href="${url}">${url}</a>`;
    last = match.index! + match[0].length;
  }
  return html + escapeHtml(line.slice(last));
}

/**
 * The HTML part of an e-mail, made from its text part so that both always say the same: a small
 * document in the e-mail's language, its subject as the title and heading, one paragraph per block of
 * the text, links clickable. Every value is escaped: nothing in an event's data can become markup.
 */
export function htmlOf(email: RenderedEmail, locale: Locale): string {
  const paragraphs = email.text
    .split(/\n{2,}/)
    .map((block) => block.split('\n').map(lineHtml).join('<br>\n'))
    .map((block) => `<p>${block}</p>`)
    .join('\n');
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(locale)}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(email.subject)}</title></head>`,
    '<body style="font-family: Arial, Helvetica, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 40em; margin: 0 auto; padding: 1em;">',
    `<main>\n<h1 style="font-size: 1.25em;">${escapeHtml(email.subject)}</h1>\n${paragraphs}\n</main>`,
    '</body></html>',
  ].join('\n');
}
