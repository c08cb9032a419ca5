import {
  createColumnHelper,
  createTable,
  getCoreRowModel,
  getSortedRowModel,
  type RowModel,
  type TableOptionsResolved,
} from "@tanstack/react-table";
import { describe, expect, it } from "vitest";
import { TableRows } from "./tableRows";

interface Item {
  readonly id: string;
  readonly score: number;
}

const col = createColumnHelper<Item>();
const columns = [col.accessor("id", {}), col.accessor("score", {})];
const data: Item[] = Array.from({ length: 50 }, (_, i) => ({ id: `L${i}`, score: (i * 37) % 11 }));

function table(core: TableOptionsResolved<Item>["getCoreRowModel"], sorting: { id: string; desc: boolean }[] = []) {
  return createTable<Item>({
    data,
    columns,
    getCoreRowModel: core,
    getSortedRowModel: getSortedRowModel(),
    state: { sorting },
    onStateChange: () => {},
    renderFallbackValue: null,
  });
}

const shape = (model: RowModel<Item>) =>
  model.rows.map((r) => ({
    id: r.id,
    index: r.index,
    depth: r.depth,
    original: r.original,
    values: r.getAllCells().map((c) => c.getValue()),
  }));

describe("TableRows", () => {
  it("gives the core row model TanStack gives, with rows made in view first reused", () => {
    const rows = new TableRows<Item>();
    const ours = table(rows.coreRowModel);
    rows.use(ours, data);
    const early = rows.at(7);
    expect(shape(ours.getCoreRowModel())).toEqual(shape(table(getCoreRowModel()).getCoreRowModel()));
    expect(ours.getCoreRowModel().rows[7]).toBe(early);
    expect(Object.keys(ours.getCoreRowModel().rowsById)).toHaveLength(data.length);
  });

  it("sorts as TanStack's own rows sort", () => {
    const sorting = [{ id: "score", desc: true }];
    const rows = new TableRows<Item>();
    const ours = table(rows.coreRowModel, sorting);
    rows.use(ours, data);
    expect(shape(ours.getRowModel())).toEqual(shape(table(getCoreRowModel(), sorting).getRowModel()));
  });

  it("makes the rest ahead in short tasks without trouble, and a new data list starts afresh", async () => {
    const rows = new TableRows<Item>();
    const ours = table(rows.coreRowModel);
    rows.use(ours, data);
    rows.makeAhead();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const made = rows.at(49);
    rows.use(ours, [...data]);
    expect(rows.at(49)).not.toBe(made);
  });
});
