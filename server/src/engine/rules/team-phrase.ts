import type { Report, Rule } from './support/rule';
import type { CustomPhrase, Severity } from '../types';

const SEVERITIES: readonly string[] = ['error', 'warning', 'info', 'hint'];

interface CompiledPhrase {
  entry: CustomPhrase;
  pattern: RegExp;
}

// Settings objects are reused across lint runs, so each phrase list is compiled once.
const compiledLists = new WeakMap<readonly CustomPhrase[], CompiledPhrase[]>();

/** Each phrase as whole words, any case, any white space between words, either apostrophe. */
export function compilePhrases(phrases: readonly CustomPhrase[] | undefined): CompiledPhrase[] {
  if (!Array.isArray(phrases) || phrases.length === 0) return [];
  const cached = compiledLists.get(phrases);
  if (cached) return cached;
  const compiled: CompiledPhrase[] = [];
  for (const entry of phrases) {
    if (!entry || typeof entry.phrase !== 'string' || entry.phrase.trim() === '') continue;
    const words = entry.phrase.trim().split(/\s+/).map((word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['’]/g, "['’]"));
    compiled.push({ entry, pattern: new RegExp(String.raw`(?<![\p{L}\p{N}_])${words.join(String.raw`\s+`)}(?![\p{L}\p{N}_])`, 'giu') });
  }
  compiledLists.set(phrases, compiled);
  return compiled;
}

/** The preferred wording in the case the author used: "We value" -> "We appreciate", "ASAP" -> "TODAY". */
export function keepCase(original: string, preferred: string): string {
  const letters = original.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return preferred.toUpperCase();
  const first = original.charAt(0);
  if (first !== first.toLowerCase()) return preferred.charAt(0).toUpperCase() + preferred.slice(1);
  if (first !== first.toUpperCase()) return preferred.charAt(0).toLowerCase() + preferred.slice(1);
  return preferred;
}

export const teamPhrase: Rule = {
  id: 'team-phrase',
  description: "The team's own phrases to avoid (settings \"phrases\"), with the wording to use instead.",
  defaultSeverity: 'warning',
  fixable: true,
  why: {
    source: '001_206c2b37550dfc6e.txt',
    quote: 'The worst factor that you can do would be to fob the client served by a couple of pat expressions, or otherwise place their grievance seriously whatsoever.',
  },
  example: {
    bad: 'No worries, I will refund the order today.',
    better: 'Happy to help, I will refund the order today.',
  },

  idleWith(settings) {
    return compilePhrases(settings.phrases).length === 0;
  },

  checkSentence(sentence, context) {
    const phrases = compilePhrases(context.settings.phrases);
    if (phrases.length === 0) return undefined;
    const text = context.doc.text;
    const reports: Report[] = [];
    for (const { entry, pattern } of phrases) {
      pattern.lastIndex = 0;
      for (const m of sentence.text.matchAll(pattern)) {
        const start = sentence.start + m.index!;
        const end = start + m[0].length;
        const original = text.slice(start, end);
        // The match must be the words themselves, never a masked placeholder or tag.
        if (original !== m[0]) continue;
        const preferred = typeof entry.preferred === 'string' && entry.preferred.trim() !== '' ? entry.preferred.trim() : undefined;
        const advice = preferred ? ` Write "${preferred}" instead.` : '';
        const message = typeof entry.message === 'string' && entry.message.trim() !== '' ? `${entry.message.trim()}${advice && !entry.message.includes(preferred!) ? advice : ''}` : `"${original}" is on the team's list of phrases to avoid.${advice}`;
        const report: Report = { start, end, message };
        if (preferred) {
          const replacement = keepCase(original, preferred);
          report.fixes = [{ title: `Replace with "${replacement}"`, preferred: true, edits: [{ start, end, newText: replacement }] }];
        }
        if (typeof entry.severity === 'string' && SEVERITIES.includes(entry.severity)) report.severity = entry.severity as Severity;
        reports.push(report);
      }
    }
    return reports;
  },
};
