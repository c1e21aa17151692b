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
  /**
   * The characters that may still be ahead, first `liveCount` of `live`: one with none left after
   * where it was searched from is not searched for again while the reader stays past that place
   * (most texts hold only a few of the characters).
   */
  private readonly live: Int32Array;
  private liveCount = 0;
  /** The furthest place from which a character was found to have none left. */
  private deadFrom = 0;

  constructor(private readonly characters: readonly string[]) {
    this.found = new Int32Array(characters.length);
    this.searchedFrom = new Int32Array(characters.length);
    this.live = new Int32Array(characters.length);
  }

  /** Starts on another string (or the same one changed). */
  reset(text: string): void {
    this.text = text;
    this.found.fill(-1);
    this.searchedFrom.fill(NOT_FOUND);
    this.revive();
  }

  /** The place of the first of the characters at or after `from`, or NOT_FOUND. */
  at(from: number): number {
    // A reader that goes back before a character was found missing may meet it again.
    if (from < this.deadFrom) this.revive();
    const { found, searchedFrom, live } = this;
    let nearest = NOT_FOUND;
    for (let j = 0; j < this.liveCount; ) {
      const k = live[j];
      let at = found[k];
      // What was found holds for any start between the search's start and the place found.
      if (from < searchedFrom[k] || from > at) {
        at = this.text.indexOf(this.characters[k], from);
        searchedFrom[k] = from;
        if (at < 0) {
          found[k] = NOT_FOUND;
          if (from > this.deadFrom) this.deadFrom = from;
          live[j] = live[--this.liveCount];
          continue;
        }
        found[k] = at;
      }
      if (at < nearest) nearest = at;
      j++;
    }
    return nearest;
  }

  private revive(): void {
    for (let k = 0; k < this.characters.length; k++) this.live[k] = k;
    this.liveCount = this.characters.length;
    this.deadFrom = 0;
  }
}
