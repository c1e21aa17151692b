import type { Rule } from './support/rule';
import type { Sentence } from '../document/model';
import { ACTION, FIRST_PERSON, NARRATIVE_CUES, PERSONAL_PAST, REFOCUS, REFOCUS_SENTENCE, SECOND_PERSON, SHORT_CLAUSE_WORDS } from '../phrases/oversharing';
import { countWords, oneLine } from '../text';
import type { Fix } from '../types';
import { factsOf, sentenceFact } from './support/memo';

const wordsIn = sentenceFact(countWords);

/** Two short sentences ("I have kids too. I get it.") are still one passing remark. */
const MIN_STORY_WORDS = 14;

/** A sentence about the agent's own life or feelings, not the customer's situation or an action. */
export function isNarrative(sentence: Sentence): boolean {
  return isNarrativeText.of(sentence);
}

const isNarrativeText = sentenceFact((text: string): boolean => {
  // Every story sentence has a first-person word: a cheap test that rules out most sentences.
  FIRST_PERSON.lastIndex = 0;
  if (!FIRST_PERSON.test(text)) return false;
  if (ACTION.test(text)) return false;
  // SECOND_PERSON first: it is cheap, and most sentences speak to the customer.
  if (!NARRATIVE_CUES.test(text) && !(!SECOND_PERSON.test(text) && PERSONAL_PAST.test(text))) return false;
  FIRST_PERSON.lastIndex = 0;
  return (text.match(FIRST_PERSON)?.length ?? 0) >= 1;
});

export const oversharing: Rule = {
  id: 'oversharing',
  description: "The agent's own story taking the focus away from the customer.",
  defaultSeverity: 'warning',
  fixable: true,
  why: {
    source: '000_8ba12b56529e2301.txt',
    quote:
      "By focusing on YOUR story, you shift the focus away from the customer and his or her situation and emotion. … if you try this, KEEP IT SHORT.",
  },
  example: {
    bad: "I just hate it when I get delayed, and I worry about being late for my kids. They get really anxious if I'm late. Sometimes I don't know what to do.",
    better: "I have kids too, and it's frustrating being late to pick them up. So, let's see what we can do to get you finished here fast.",
  },

  checkVariant(variant, _unit, context) {
    const sentences = variant.sentences;
    const facts = factsOf(sentences);
    const reports = [];
    for (let i = 0; i < sentences.length; i++) {
      if (!facts.get(isNarrativeText, i)) continue;
      // A story: this narrative sentence and the ones right after it that continue it.
      let j = i;
      while (j + 1 < sentences.length && (facts.get(isNarrativeText, j + 1) || facts.get(continuesStoryText, j + 1))) j++;
      let words = 0;
      for (let k = i; k <= j; k++) words += wordsIn.of(sentences[k]);
      // One short shared-experience clause is fine; a second sentence of story, or a long one, is not.
      if ((j > i && words >= MIN_STORY_WORDS) || words > 30) {
        const run = sentences.slice(i, j + 1);
        const first = run[0];
        const last = run[run.length - 1];
        const next = sentences[j + 1];
        reports.push({
          start: first.start,
          end: last.end,
          message: `${storyName(run, words, context.doc.text)} shifts the focus from the customer to you. Keep one short shared-experience clause, then refocus: "So, let's see what we can do to …".`,
          fixes: () => [refocusFix(run, next, context.doc.text), dropStoryFix(run, next)],
        });
      }
      i = j;
    }
    return reports;
  },
};

function storyName(run: Sentence[], words: number, text: string): string {
  const opening = oneLine(text.slice(run[0].start, run[0].end));
  const quoted = opening.length > 40 ? `${opening.slice(0, 37)}…` : opening;
  return run.length === 1 ? `The story "${quoted}" (${words} words)` : `The story from "${quoted}" (${run.length} sentences, ${words} words)`;
}

/** Sentences that carry a story on without a cue: short, first-person, no action. */
const continuesStoryText = sentenceFact((text: string): boolean => {
  if (ACTION.test(text) || REFOCUS.test(text)) return false;
  // "They get so upset when it happens." right after the agent's story is more of it.
  if (NARRATIVE_CUES.test(text) && !SECOND_PERSON.test(text)) return true;
  FIRST_PERSON.lastIndex = 0;
  return (text.match(FIRST_PERSON)?.length ?? 0) >= 1 && countWords(text) <= 14 && /\b(?:sometimes|always|never|usually|again|too)\b/i.test(text);
});

function refocusFix(run: Sentence[], next: Sentence | undefined, text: string): Fix {
  const first = run[0];
  const last = run[run.length - 1];
  let kept = text.slice(first.start, first.end);
  if (countWords(kept) > SHORT_CLAUSE_WORDS) {
    const comma = kept.search(/,\s|\s(?:and|because|but)\s/);
    if (comma > 0) kept = kept.slice(0, comma);
  }
  kept = kept.replace(/[\s,;:]+$/, '').replace(/[.!?…]*$/, '.');
  const alreadyRefocused = next !== undefined && REFOCUS.test(next.text);
  const newText = alreadyRefocused ? kept : `${kept} ${REFOCUS_SENTENCE}`;
  return {
    title: alreadyRefocused ? 'Keep the first short clause and drop the rest of the story' : 'Keep one short clause and refocus on the customer',
    preferred: true,
    edits: [{ start: first.start, end: last.end, newText }],
  };
}

/** The alternative: drop the whole story and turn straight to the customer. */
function dropStoryFix(run: Sentence[], next: Sentence | undefined): Fix {
  const first = run[0];
  const last = run[run.length - 1];
  const alreadyRefocused = next !== undefined && REFOCUS.test(next.text);
  if (alreadyRefocused && next) return { title: 'Drop the story', preferred: false, edits: [{ start: first.start, end: next.start, newText: '' }] };
  return { title: 'Drop the story and refocus on the customer', preferred: false, edits: [{ start: first.start, end: last.end, newText: REFOCUS_SENTENCE }] };
}
