import { CircularDependencyError } from "../../errors.js";
import { CycleFound, topologicalSort, type Edge } from "../../util/topological.js";
import type { ForeignKeyConstraint } from "./foreign-key-constraint.js";
import type { TableImpl } from "./table.js";

/** Tables in foreign-key dependency order, and the constraints left for ALTER TABLE. */
export interface SortedTables {
  /** Every referenced table before the tables referencing it. */
  readonly tables: readonly TableImpl[];
  /**
   * The `useAlter` foreign keys of those tables: created after every CREATE TABLE with
   * ALTER TABLE ... ADD CONSTRAINT (and dropped first), so they never order tables.
   */
  readonly alterConstraints: readonly ForeignKeyConstraint[];
}

/**
 * Orders tables so that each comes after the tables its foreign keys reference (as
 * SQLAlchemy's sort_tables_and_constraints); tables that do not depend on each other
 * keep the order given. Every foreign key must resolve (NoReferencedTableError /
 * NoReferencedColumnError otherwise), and a cycle of foreign keys not broken by
 * `useAlter` is a CircularDependencyError naming it.
 *
 * @example
 * sortTables([addressTable, userTable]).tables; // [userTable, addressTable]
 */
export function sortTables(tables: readonly TableImpl[], purpose: "create" | "drop" | "sort" = "sort"): SortedTables {
  const edges: Edge<TableImpl>[] = [];
  const alterConstraints: ForeignKeyConstraint[] = [];
  for (const table of tables) {
    for (const fkc of table.foreignKeyConstraints) {
      // Resolving every target reports a missing table or column before any DDL runs.
      fkc.referredColumns;
      if (fkc.useAlter) {
        alterConstraints.push(fkc);
        continue;
      }
      const referred = fkc.referredTable;
      if (referred !== table) edges.push([referred, table]);
    }
  }
  const sorted = topologicalSort(edges, tables);
  if (sorted instanceof CycleFound) throw cycleError(sorted, purpose);
  return { tables: sorted, alterConstraints };
}

function cycleError(found: CycleFound<TableImpl>, purpose: "create" | "drop" | "sort"): CircularDependencyError {
  const onCycle = new Set(found.cycles);
  const path = cyclePath(found.cycles[0] as TableImpl, onCycle);
  const action = purpose === "create" ? "create" : purpose === "drop" ? "drop" : "sort";
  const message =
    `Can't ${action} tables in foreign key order: their foreign keys form a cycle: ${path.join(", ")}. ` +
    `Mark one foreign key of the cycle { useAlter: true, name: "fk_..." }, so that it is created with ` +
    `ALTER TABLE after the tables (and dropped before them).`;
  return new CircularDependencyError(message, found.cycles, found.edges);
}

/** `a(b_id) -> b`, `b(a_id) -> a`: one way around the cycle from `start`, each step a foreign key. */
function cyclePath(start: TableImpl, onCycle: ReadonlySet<TableImpl>): string[] {
  const steps: string[] = [];
  const visited = new Set<TableImpl>();
  const walk = (table: TableImpl): boolean => {
    visited.add(table);
    for (const fkc of table.foreignKeyConstraints) {
      if (fkc.useAlter) continue;
      const referred = fkc.referredTable;
      if (referred === table || !onCycle.has(referred)) continue;
      steps.push(`${table.fullname}(${fkc.columns.map((c) => c.name).join(", ")}) -> ${referred.fullname}`);
      if (referred === start || (!visited.has(referred) && walk(referred))) return true;
      steps.pop();
    }
    return false;
  };
  walk(start);
  return steps.length > 0 ? steps : [...onCycle].map((t) => t.fullname);
}
