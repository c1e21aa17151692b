// Where the next of a few characters is in a string, for scans that jump from
// one such character to the next (the sentence splitter's stops, the Markdown
// scan's inline syntax). String#indexOf is a native search for one character,
// several times faster per call than a regular expression's search for a class
// of them; each kind's next place is kept, so every occurrence is found once
// while the reader moves forward.

/** No such character left in the string. */
export const NOT_FOUND = 0x7fffffff;

export class NextCharacter {
  private text = '';
  /** For each character, its first place at or after searchedFrom (NOT_FOUND: none). */
  private readonly found: Int32Array;
  private readonly searchedFrom: Int32Array;

  constructor(private readonly characters: readonly string[]) {
    this.found = new Int32Array(characters.length);
    this.searchedFrom = new Int32Array(characters.length);
  }

  /** Starts on another string (or the same one changed). */
  reset(text: string): void {
    this.text = text;
    this.found.fill(-1);
    this.searchedFrom.fill(NOT_FOUND);
  }

  /** The place of the first of the characters at or after `from`, or NOT_FOUND. */
  at(from: number): number {
    let nearest = NOT_FOUND;
    for (let k = 0; k < this.characters.length; k++) {
      let at = this.found[k];
      // What was found holds for any start between the search's start and the place found.
      if (from < this.searchedFrom[k] || from > at) {
        at = this.text.indexOf(this.characters[k], from);
        if (at < 0) at = NOT_FOUND;
        this.found[k] = at;
        this.searchedFrom[k] = from;
      }
      if (at < nearest) nearest = at;
    }
    return nearest;
  }
}
