import type { Driver } from 'neo4j-driver';
import { CurrentGeneration, type StoreState } from '../../src/queries/current-generation.js';
import type { ReadOptions } from '../../src/queries/read-cypher.js';

/**
 * The real reader of the store's state, whose reads are held while `hold` is set, until
 * `release` is called. It keeps no state between reads, so every caller after the first really
 * waits for a read.
 */
export class HeldReads extends CurrentGeneration {
  private held: (() => void)[] = [];
  hold = false;
  constructor(driver: Driver, options: ReadOptions) {
    super(driver, { ...options, keepMs: 0 });
  }
  override read(): Promise<StoreState> {
    if (!this.hold) return super.read();
    return new Promise<void>((resolve) => this.held.push(resolve)).then(() => super.read());
  }
  release(): void {
    this.hold = false;
    for (const resolve of this.held.splice(0)) resolve();
  }
}
