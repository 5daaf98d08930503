// The distinct texts of a line column with few distinct values (products, categories) and their codes 0, 1, 2 …:
// a line keeps the code in an Int32Array (−1 for none), not a string of its own. Internal to features.

export class TextCodes {
  /** The texts, by code. */
  readonly texts: string[] = [];
  private readonly codes = new Map<string, number>();

  /** The code of a text, given the next free code when it is new. */
  code(text: string): number {
    let code = this.codes.get(text);
    if (code === undefined) {
      code = this.texts.length;
      this.codes.set(text, code);
      this.texts.push(text);
    }
    return code;
  }
}
