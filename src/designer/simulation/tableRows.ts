// Table rows for a results table of any size without a long frame: made one by one as they are shown, the rest ahead of need in short tasks.
import { createRow, type Row, type RowModel, type Table } from "@tanstack/react-table";

/** Rows made per task when making ahead: a few ms each, so a frame is never held up for long. */
const SLICE = 4_000;

/**
 * TanStack's own core row model makes a row (some 40 closures) for every item in one go: for 100k leads, a frame of
 * several hundred ms right when a run is shown. These rows are the same rows (`createRow` with the same id, index and
 * depth as the core model gives them), made when first needed or ahead in idle tasks, and the core model is assembled
 * from them, so sorting and filtering work on exactly what TanStack would have made.
 */
export class TableRows<T> {
  private table: Table<T> | null = null;
  private data: readonly T[] = [];
  private rows: (Row<T> | undefined)[] = [];
  private model: { data: readonly T[]; rows: RowModel<T> } | null = null;

  /** Called on every render, before anything reads rows: a new table or new data starts afresh. */
  use(table: Table<T>, data: readonly T[]): void {
    if (this.table === table && this.data === data) return;
    this.table = table;
    this.data = data;
    this.rows = new Array<Row<T> | undefined>(data.length);
    this.model = null;
  }

  /** The row of `data[index]`, made now if it was not made yet. */
  at(index: number): Row<T> | undefined {
    const made = this.rows[index];
    if (made || !this.table || index < 0 || index >= this.data.length) return made;
    const row = createRow(this.table, String(index), this.data[index] as T, index, 0);
    this.rows[index] = row;
    return row;
  }

  /** For the table's `getCoreRowModel` option: the core model (rows, flatRows, rowsById), memoised per data. */
  readonly coreRowModel = (table: Table<T>) => (): RowModel<T> => {
    const data = table.options.data;
    if (this.model && this.model.data === data) return this.model.rows;
    this.use(table, data);
    const rows = new Array<Row<T>>(data.length);
    const rowsById: Record<string, Row<T>> = {};
    for (let i = 0; i < data.length; i++) {
      const row = this.at(i) as Row<T>;
      rows[i] = row;
      rowsById[row.id] = row;
    }
    this.model = { data, rows: { rows, flatRows: rows, rowsById } };
    return this.model.rows;
  };

  /** Makes the rows not made yet in short tasks; returns a function that stops. */
  makeAhead(): () => void {
    const data = this.data;
    let next = 0;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const step = () => {
      if (data !== this.data) return;
      const end = Math.min(data.length, next + SLICE);
      for (; next < end; next++) this.at(next);
      if (next < data.length) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }
}
