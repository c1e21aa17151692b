// A deterministic generator of support macros for the benchmark: front matter,
// name placeholders, {{#if}} branches, lists, links, quoted customer text, and
// both good and weak phrasing. The same seed always writes the same bytes.

import * as fs from 'node:fs';
import * as path from 'node:path';

/** mulberry32: a small seeded PRNG, good enough to pick words. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = ['refund', 'late delivery', 'damaged parcel', 'password reset', 'billing error', 'subscription renewal', 'missing item', 'account lock', 'address change', 'warranty claim', 'double charge', 'cancelled order'];
const THINGS = ['order', 'parcel', 'invoice', 'refund', 'replacement', 'account', 'subscription', 'voucher', 'delivery', 'payment'];
const DAYS = ['today', 'tomorrow', 'within two working days', 'by Friday', 'this week', 'within 24 hours'];

const GREETINGS = ['Hi {{customer.first_name}},', 'Hello {{ticket.requester.first_name}},', 'Dear {{customer.name}},', 'Hi there,', 'Good morning {{customer.first_name}},'];
const GOOD = [
  "I'm sorry to hear your {thing} arrived damaged.",
  'I understand how frustrating it is to wait for a {thing} that was promised {day}.',
  "I can see why you're upset about the {topic}.",
  "Here's what I'll do next: I've asked our warehouse to send a new {thing} {day}.",
  'Your {thing} number is {{ticket.id}}, and I have added a note so anyone on the team can pick it up.',
  'I apologize for the delay with your {thing}.',
  "I've checked your account and the {thing} was processed {day}.",
  'You will get an email from us as soon as the {thing} leaves our warehouse.',
  'If anything else comes up, reply to this email and it will come straight back to me.',
  'I have refunded the shipping cost to the card you used for this {thing}.',
  'To reset your password, open the sign-in page and choose "Forgot password".',
  'The {thing} should reach you {day}; the tracking link is in your account under Orders.',
];
const WEAK = [
  'Sorry for any inconvenience.',
  'We apologize for any inconvenience this may have caused.',
  "Sorry 'bout that!",
  "I'm sorry if you feel we let you down.",
  "Sorry, but we can't change the {thing} once it has shipped.",
  "I'm sorry you feel that way about the {topic}.",
  'Sorry for the delay.',
  'Sorry!',
  'I know where you are coming from. I just hate it when my own {thing} is late. Last winter I waited three weeks for one.',
  'Apologies for the wait in getting back to you!',
];
const EXTRAS = [
  '- Check the {thing} number on your receipt.\n- Make sure the address on file is right.\n- Reply with a photo if anything is broken.',
  '> My {thing} never arrived and nobody answers the phone. Sorry to be blunt but this is ridiculous.',
  'You can read more in our [help centre](https://help.example.com/articles/{thing}) or use the `Track order` button.',
  '<!-- internal: tag this ticket as {topic} -->',
  '{{#if ticket.vip}}As one of our priority customers, your {thing} goes to the front of the queue.{{else}}Your {thing} is in the queue and will be handled {day}.{{/if}}',
  '{{#unless customer.verified}}Please confirm your email address so we can update the {thing}.{{/unless}}',
];
const SIGNATURES = ['Best wishes,\n{{agent.first_name}}', 'Kind regards,\n{{current_user.name}}\nSupport team', 'Thanks,\n{{agent.name}}'];

function pick<T>(rnd: () => number, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function fill(rnd: () => number, template: string): string {
  return template.replace(/\{(thing|day|topic)\}/g, (_, key: string) => pick(rnd, key === 'thing' ? THINGS : key === 'day' ? DAYS : TOPICS));
}

/** One macro body of roughly targetBytes: greeting, paragraphs, maybe a branch or list, signature. */
export function macroBody(rnd: () => number, targetBytes: number): string {
  const parts = [pick(rnd, GREETINGS)];
  let size = parts[0].length;
  while (size < targetBytes - 80) {
    const paragraph: string[] = [];
    const sentences = 1 + Math.floor(rnd() * 4);
    for (let i = 0; i < sentences; i++) paragraph.push(fill(rnd, rnd() < 0.25 ? pick(rnd, WEAK) : pick(rnd, GOOD)));
    const text = rnd() < 0.2 ? fill(rnd, pick(rnd, EXTRAS)) : paragraph.join(' ');
    parts.push(text);
    size += text.length + 2;
  }
  parts.push(pick(rnd, SIGNATURES));
  return parts.join('\n\n');
}

function frontMatter(rnd: () => number, title: string): string {
  const tags = [pick(rnd, TOPICS), pick(rnd, THINGS)].map((t) => t.replace(/ /g, '-'));
  return `---\ntitle: ${title}\ntags: [${tags.join(', ')}]\n---\n\n`;
}

export interface Corpus {
  dir: string;
  /** The 5,000 single-macro files of the library folder. */
  files: string[];
  /** Single files of about 3 KB (one macro), 100 KB and 1 MB (libraries of macros under headings). */
  singles: { '3KB': string; '100KB': string; '1MB': string };
}

/** A library file: macros under "## title" headings up to about targetBytes. */
function libraryFile(rnd: () => number, targetBytes: number): string {
  const parts: string[] = ['# Macro library\n'];
  let size = 0;
  let n = 0;
  while (size < targetBytes) {
    const title = `${pick(rnd, TOPICS)} reply ${++n}`;
    const body = `## ${title}\n\n${macroBody(rnd, 500 + Math.floor(rnd() * 2500))}\n`;
    parts.push(body);
    size += Buffer.byteLength(body);
  }
  return parts.join('\n');
}

const VERSION = 'rapport-bench-corpus v1';

/** Writes the corpus into dir (once; reused while the seed and version match). */
export function generateCorpus(dir: string, count = 5000, seed = 20261123): Corpus {
  const marker = path.join(dir, '.generated');
  const stamp = `${VERSION} seed=${seed} count=${count}`;
  const libraryDir = path.join(dir, 'library');
  const singlesDir = path.join(dir, 'singles');
  const files = Array.from({ length: count }, (_, i) => path.join(libraryDir, `group-${String(Math.floor(i / 250)).padStart(2, '0')}`, `macro-${String(i).padStart(4, '0')}.${i % 10 === 0 ? 'hbs' : 'md'}`));
  const singles = { '3KB': path.join(singlesDir, 'macro-3kb.md'), '100KB': path.join(singlesDir, 'library-100kb.md'), '1MB': path.join(singlesDir, 'library-1mb.md') };
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === stamp) return { dir: libraryDir, files, singles };

  fs.rmSync(dir, { recursive: true, force: true });
  const rnd = random(seed);
  files.forEach((file, i) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const title = `${pick(rnd, TOPICS)} ${pick(rnd, THINGS)} ${i}`;
    const target = 500 + Math.floor(rnd() * 2500);
    const withFrontMatter = rnd() < 0.7;
    fs.writeFileSync(file, `${withFrontMatter ? frontMatter(rnd, title) : ''}${macroBody(rnd, target)}\n`);
  });
  fs.mkdirSync(singlesDir, { recursive: true });
  let three = '';
  while (Buffer.byteLength(three) < 2900 || Buffer.byteLength(three) > 3200) three = `${frontMatter(rnd, 'Three kilobytes')}${macroBody(rnd, 3000)}\n`;
  fs.writeFileSync(singles['3KB'], three);
  fs.writeFileSync(singles['100KB'], libraryFile(rnd, 100 * 1024));
  fs.writeFileSync(singles['1MB'], libraryFile(rnd, 1024 * 1024));
  fs.writeFileSync(marker, stamp);
  return { dir: libraryDir, files, singles };
}
