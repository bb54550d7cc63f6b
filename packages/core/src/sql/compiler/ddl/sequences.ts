import { CompileError } from "../../../errors.js";
import type { CreateSequenceImpl, DropSequenceImpl } from "../../ddl/sequence-ddl.js";
import type { SequenceImpl } from "../../schema/sequence.js";
import { dialectLabel } from "../capabilities.js";
import type { DDLCompiler } from "../ddl-compiler.js";

/** A database without sequences refuses CREATE/DROP SEQUENCE before anything is sent. */
function checkSequences(ddl: DDLCompiler, statement: string, sequence: SequenceImpl): void {
  if (ddl.supportsSequences) return;
  throw new CompileError(
    `Can't emit ${statement} ${sequence.fullname}: ${dialectLabel(ddl.dialect)} has no sequences ` +
      `(capabilities.sequences is false). createAll/dropAll leave sequences out there; don't execute ${statement} on it.`,
  );
}

/**
 * The options of CREATE SEQUENCE, in SQLAlchemy's order (get_identity_options):
 * `INCREMENT BY n START WITH n MINVALUE n MAXVALUE n CACHE n CYCLE`.
 */
export function sequenceOptions(sequence: SequenceImpl): string {
  const { increment, start, minValue, maxValue, cache, cycle } = sequence.options;
  const parts: string[] = [];
  if (increment !== undefined) parts.push(`INCREMENT BY ${increment}`);
  if (start !== undefined) parts.push(`START WITH ${start}`);
  if (minValue !== undefined) parts.push(`MINVALUE ${minValue}`);
  if (maxValue !== undefined) parts.push(`MAXVALUE ${maxValue}`);
  if (cache !== undefined) parts.push(`CACHE ${cache}`);
  if (cycle !== undefined) parts.push(cycle ? "CYCLE" : "NO CYCLE");
  return parts.join(" ");
}

/** `CREATE SEQUENCE [IF NOT EXISTS] s [options]`. */
export function compileCreateSequence(ddl: DDLCompiler, create: CreateSequenceImpl): string {
  const sequence = create.sequence;
  checkSequences(ddl, "CREATE SEQUENCE", sequence);
  const options = sequenceOptions(sequence);
  return (
    `CREATE SEQUENCE ${create.options.ifNotExists ? "IF NOT EXISTS " : ""}${ddl.formatSequence(sequence)}` +
    (options === "" ? "" : ` ${options}`)
  );
}

/** `DROP SEQUENCE [IF EXISTS] s`. */
export function compileDropSequence(ddl: DDLCompiler, drop: DropSequenceImpl): string {
  const sequence = drop.sequence;
  checkSequences(ddl, "DROP SEQUENCE", sequence);
  return `DROP SEQUENCE ${drop.options.ifExists ? "IF EXISTS " : ""}${ddl.formatSequence(sequence)}`;
}
