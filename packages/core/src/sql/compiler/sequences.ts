import { CompileError } from "../../errors.js";
import type { NextValue } from "../elements/next-value.js";
import type { SequenceImpl } from "../schema/sequence.js";
import { dialectLabel } from "./capabilities.js";
import type { CompilerDialect, SQLCompiler } from "./sql-compiler.js";

/** A sequence's name as SQL: `schema.name`, each part quoted where needed. */
export function formatSequence(dialect: CompilerDialect, sequence: SequenceImpl): string {
  const preparer = dialect.identifierPreparer;
  const name = preparer.quote(sequence.name);
  return sequence.schema === null ? name : `${preparer.quote(sequence.schema)}.${name}`;
}

/**
 * A sequence's next value: the dialect's `renderNextValue` where the database has
 * sequences, SQLAlchemy's `<next sequence value: s>` when printed with the string
 * dialect, and a CompileError naming the sequence elsewhere.
 */
export function compileNextValue(compiler: SQLCompiler, next: NextValue): string {
  const sequence = next.sequence;
  if (compiler.displayOnly) return `<next sequence value: ${formatSequence(compiler.dialect, sequence)}>`;
  if (!compiler.supportsSequences) {
    throw new CompileError(
      `Can't render the next value of Sequence '${sequence.fullname}': ${dialectLabel(compiler.dialect)} has no sequences ` +
        `(capabilities.sequences is false). There, number rows with an autoincrement primary key ` +
        `(Column("id", Integer, { primaryKey: true }), which ignores a Sequence argument); ` +
        `nextValue() needs a database with sequences (PostgreSQL, MariaDB 10.3+).`,
    );
  }
  return compiler.renderNextValue(sequence);
}
