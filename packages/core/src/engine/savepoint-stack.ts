import { InvalidRequestError } from "../errors.js";
import type { NestedTransaction } from "./transaction.js";

/**
 * The SAVEPOINTs open in a connection's transaction, innermost last, and the names
 * they get: `sa_savepoint_1` and up, as SQLAlchemy names them, never reused on the
 * connection.
 */
export class SavepointStack {
  private readonly open: NestedTransaction[] = [];
  private counter = 0;

  /** The name for the next savepoint. */
  nextName(): string {
    return `sa_savepoint_${++this.counter}`;
  }

  push(savepoint: NestedTransaction): void {
    this.open.push(savepoint);
  }

  /**
   * Marks `savepoint` ended, by its RELEASE or ROLLBACK TO, and with it every savepoint
   * begun inside it; throws when it is no longer open.
   */
  end(savepoint: NestedTransaction): void {
    const index = this.open.indexOf(savepoint);
    if (index < 0) {
      throw new InvalidRequestError(`Savepoint ${savepoint.name} is no longer active on this connection.`);
    }
    while (this.open.length > index) (this.open.pop() as NestedTransaction).isActive = false;
  }

  /** Ends every savepoint, as the transaction around them ended. */
  clear(): void {
    for (const savepoint of this.open) savepoint.isActive = false;
    this.open.length = 0;
  }
}
