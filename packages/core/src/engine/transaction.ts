import { InvalidRequestError } from "../errors.js";

/** The operations a transaction handle drives on its connection. */
export interface TransactionHost {
  commitRoot(tx: Transaction): Promise<void>;
  rollbackRoot(tx: Transaction): Promise<void>;
  releaseSavepoint(tx: NestedTransaction): Promise<void>;
  rollbackToSavepoint(tx: NestedTransaction): Promise<void>;
}

/**
 * The connection's transaction, from `conn.begin()` or autobegin. Disposing an
 * active one (`await using tx = await conn.begin()`) rolls it back.
 */
export class Transaction {
  /** Set false by the connection when the transaction ends by any route. */
  isActive = true;

  constructor(protected readonly host: TransactionHost) {}

  async commit(): Promise<void> {
    this.assertActive("commit");
    await this.host.commitRoot(this);
  }

  async rollback(): Promise<void> {
    if (this.isActive) await this.host.rollbackRoot(this);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.rollback();
  }

  protected assertActive(action: string): void {
    if (!this.isActive) {
      throw new InvalidRequestError(
        `Can't ${action}: this transaction is no longer active (it was committed or rolled back already).`,
      );
    }
  }
}

/** A SAVEPOINT, from `conn.beginNested()`: commit releases it, rollback rolls back to it. */
export class NestedTransaction extends Transaction {
  constructor(
    host: TransactionHost,
    /** The savepoint's name, `sa_savepoint_1` and up, as SQLAlchemy names them. */
    readonly name: string,
  ) {
    super(host);
  }

  override async commit(): Promise<void> {
    this.assertActive("release savepoint");
    await this.host.releaseSavepoint(this);
  }

  override async rollback(): Promise<void> {
    if (this.isActive) await this.host.rollbackToSavepoint(this);
  }
}
