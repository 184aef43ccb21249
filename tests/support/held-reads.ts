import { CurrentGeneration, type StoreState } from '../../src/queries/current-generation.js';

/** The real reader of the store's state, whose reads are held while `hold` is set, until `release` is called. */
export class HeldReads extends CurrentGeneration {
  private held: (() => void)[] = [];
  hold = false;
  override read(): Promise<StoreState> {
    if (!this.hold) return super.read();
    return new Promise<void>((resolve) => this.held.push(resolve)).then(() => super.read());
  }
  release(): void {
    this.hold = false;
    for (const resolve of this.held.splice(0)) resolve();
  }
}
