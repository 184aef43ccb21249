/**
 * An input the ingest will not read, with the file (and the line, when one is to blame) in its
 * message, `compiler:style`. Thrown before anything is written.
 */
export class RefusedInput extends Error {
  override name = 'RefusedInput';

  constructor(
    readonly file: string,
    readonly reason: string,
    readonly line?: number,
  ) {
    super(`${line ? `${file}:${line}` : file}: ${reason}`);
  }
}
