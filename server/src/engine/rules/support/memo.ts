// Rules ask the same questions of the same words many times: a sentence is
// read once in the file and again in every rendered variant of its macro, and
// several rules share tests. A fact is a pure function of a sentence's text,
// answered once per distinct text and shared by every sentence with that text.

import { hashText, ownCopy } from '../../text';

/** A slot whose fact has not been asked yet (an answer may be undefined). */
const UNASKED = Symbol('unasked');
/**
 * Distinct texts kept; the table is cleared when full, so a long-running
 * server never grows with it.
 */
const LIMIT = 2048;

type Slots = unknown[];
let factCount = 0;

/**
 * Answers by text, in an open-addressing table: texts are filed under a hash of their code units
 * (every one: texts that differ in one digit, like two order numbers, must not share a hash) and
 * told apart by comparing them. A Map of buckets cost more than some facts: its number keys are
 * hashed again, and half of all 32-bit hashes are not small integers.
 */
const CAPACITY = LIMIT * 2; // a power of two, at most half full: probes stay short
const tableHashes = new Int32Array(CAPACITY);
const tableTexts: Array<string | undefined> = new Array<string | undefined>(CAPACITY).fill(undefined);
const tableSlots: Array<Slots | undefined> = new Array<Slots | undefined>(CAPACITY).fill(undefined);
let textCount = 0;

// The rules ask about one sentence after another: the last text's answers are kept at hand.
let lastText: string | undefined;
let lastSlots: Slots = [];

function slotsOfText(text: string, key: number): Slots {
  if (text === lastText) return lastSlots;
  let i = key & (CAPACITY - 1);
  let slots: Slots | undefined;
  for (let stored = tableTexts[i]; stored !== undefined; stored = tableTexts[i]) {
    if (tableHashes[i] === key && stored === text) {
      slots = tableSlots[i];
      break;
    }
    i = (i + 1) & (CAPACITY - 1);
  }
  if (slots === undefined) {
    if (textCount >= LIMIT) {
      tableTexts.fill(undefined);
      tableSlots.fill(undefined);
      textCount = 0;
      i = key & (CAPACITY - 1);
    }
    // Sized for every fact declared (all are, before the first document), so answering one never
    // grows the array; filled, so every text's array is of one kind and a read never meets a hole.
    slots = new Array(factCount).fill(UNASKED);
    tableHashes[i] = key;
    tableTexts[i] = ownCopy(text);
    tableSlots[i] = slots;
    textCount++;
  }
  lastText = text;
  lastSlots = slots;
  return slots;
}

/** A sentence keeps its text's answers once it has looked them up: later questions skip the table. */
type Holder = { readonly text: string; answers?: Slots; readonly hash?: number };

function slotsOf(sentence: Holder): Slots {
  return (sentence.answers ??= slotsOfText(sentence.text, sentence.hash ?? hashText(sentence.text)));
}

function answer<R>(slots: Slots, slot: number, fn: (text: string) => R, text: string): R {
  // A fact declared after this text was filed has no slot in its array yet.
  const cached = slot < slots.length ? slots[slot] : UNASKED;
  if (cached !== UNASKED) return cached as R;
  const result = fn(text);
  slots[slot] = result;
  return result;
}

/** A fact about a sentence's text: ask it of a sentence (`of`), of a bare text, or through a FactTable. */
export interface SentenceFact<R> {
  (text: string): R;
  /** The fact of a sentence: the same answer as of its text, found faster. */
  of(sentence: { readonly text: string }): R;
  readonly slot: number;
  readonly compute: (text: string) => R;
}

/** Declares a fact: fn must depend on the text alone. */
export function sentenceFact<R>(fn: (text: string) => R): SentenceFact<R> {
  const slot = factCount++;
  const fact = (text: string): R => answer(slotsOfText(text, hashText(text)), slot, fn, text);
  const of = (sentence: Holder): R => answer(slotsOf(sentence), slot, fn, sentence.text);
  return Object.assign(fact, { of, slot, compute: fn });
}

/** The facts of one list of sentences (a variant's, usually). */
export class FactTable {
  constructor(readonly sentences: readonly { text: string }[]) {}

  get<R>(fact: SentenceFact<R>, index: number): R {
    const sentence = this.sentences[index] as Holder;
    return answer(slotsOf(sentence), fact.slot, fact.compute, sentence.text);
  }

  some(fact: SentenceFact<unknown>): boolean {
    return this.findIndex(fact) >= 0;
  }

  findIndex(fact: SentenceFact<unknown>): number {
    for (let i = 0; i < this.sentences.length; i++) if (this.get(fact, i)) return i;
    return -1;
  }
}

/** The facts of a list of sentences: a light view, as the answers live on the sentences. */
export function factsOf(sentences: readonly { text: string }[]): FactTable {
  return new FactTable(sentences);
}

/**
 * A question whose last answer is kept: for what is asked of the same thing several times in a
 * row, as the engine judges a macro's variants one after another and every rule in turn on each
 * (a macro's title, once a variant; a variant, once a rule). The answer must depend on the first
 * argument alone: the second, if any, comes with it (a variant's macro).
 */
export function lastAnswered<K, R>(question: (key: K) => R): (key: K) => R;
export function lastAnswered<K, W, R>(question: (key: K, extra: W) => R): (key: K, extra: W) => R;
export function lastAnswered<K, W, R>(question: (key: K, extra?: W) => R): (key: K, extra?: W) => R {
  // One extra argument at most, not a rest parameter: a list made at every call cost more than the answer saved.
  let asked = false;
  let lastKey: K | undefined;
  let lastAnswer: R | undefined;
  return (key: K, extra?: W): R => {
    if (!asked || key !== lastKey) {
      lastAnswer = question(key, extra);
      lastKey = key;
      asked = true;
    }
    return lastAnswer as R;
  };
}
