// The results table: every lead's id, status, owner, team, score and grade; virtualised, sortable, filtered by status/owner/grade, searched by id.
import {
  createColumnHelper,
  flexRender,
  getFilteredRowModel,
  getSortedRowModel,
  useReactTable,
  type ColumnFiltersState,
  type Row as TableRow,
  type SortingState,
} from "@tanstack/react-table";
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef, useState } from "react";
import { STATUSES, type Outcome } from "../../engine";
import { useT } from "../../i18n/useT";
import { STATUS_KEY, isStatus } from "./statusText";
import { TableRows } from "./tableRows";
import { useRunStore, useRuns } from "./useRuns";

interface Row {
  readonly index: number;
  readonly id: string;
  readonly status: string;
  readonly owner: string;
  readonly team: string;
  readonly score: number | null;
  readonly grade: string;
}

const col = createColumnHelper<Row>();
const ROW_HEIGHT = 28;
const equals = (row: { getValue: (id: string) => unknown }, id: string, value: unknown) => value === "" || row.getValue(id) === value;

function toRow(o: Outcome, index: number, names: ReadonlyMap<string, string>): Row {
  const owner = o.owner === undefined ? "" : (names.get(o.owner) ?? o.owner);
  return {
    index,
    id: o.id,
    status: o.status,
    owner,
    team: o.team ?? "",
    score: typeof o.score === "number" ? o.score : null,
    grade: o.grade ?? "",
  };
}

/** The values a column filter offers: each non-empty value once, sorted. */
function distinct(rows: readonly Row[], key: "owner" | "grade"): string[] {
  return [...new Set(rows.map((r) => r[key]).filter((v) => v !== ""))].sort();
}

export function ResultsTable({ names }: { names: ReadonlyMap<string, string> }) {
  const { t } = useT();
  const runs = useRunStore();
  const current = useRuns((s) => s.current);
  const selected = useRuns((s) => s.selectedLead);
  const [sorting, setSorting] = useState<SortingState>([]);
  const [filters, setFilters] = useState<ColumnFiltersState>([]);
  const [search, setSearch] = useState("");
  const data = useMemo(() => (current ? current.result.outcomes.map((o, i) => toRow(o, i, names)) : []), [current, names]);
  const owners = useMemo(() => distinct(data, "owner"), [data]);
  const grades = useMemo(() => distinct(data, "grade"), [data]);

  const columns = useMemo(
    () => [
      col.accessor("id", {
        header: () => t("simui.colId"),
        filterFn: (row, id, value: string) => String(row.getValue(id)).toLowerCase().includes(value.toLowerCase()),
      }),
      col.accessor("status", {
        header: () => t("simui.colStatus"),
        cell: (c) => {
          const v = c.getValue();
          return isStatus(v) ? t(STATUS_KEY[v]) : v;
        },
        filterFn: equals,
      }),
      col.accessor("owner", { header: () => t("simui.colOwner"), filterFn: equals }),
      col.accessor("team", { header: () => t("simui.colTeam") }),
      col.accessor("score", { header: () => t("simui.colScore"), sortUndefined: "last" }),
      col.accessor("grade", { header: () => t("simui.colGrade"), filterFn: equals }),
    ],
    [t],
  );
  const allFilters = useMemo(
    () => (search === "" ? filters : [...filters.filter((f) => f.id !== "id"), { id: "id", value: search }]),
    [filters, search],
  );
  const [made] = useState(() => new TableRows<Row>());
  const table = useReactTable({
    data,
    columns,
    state: { sorting, columnFilters: allFilters },
    onSortingChange: setSorting,
    getCoreRowModel: made.coreRowModel,
    getSortedRowModel: getSortedRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
  });
  made.use(table, data);
  // Unsorted and unfiltered, the rows in view are made as they are shown and the rest in short tasks, rather than all
  // 100k in the frame that shows a finished run; sorting or filtering then finds them made.
  useEffect(() => made.makeAhead(), [made, table, data]);
  const narrowed = sorting.length > 0 || allFilters.length > 0;
  const rows = narrowed ? table.getRowModel().rows : null;
  const rowAt = (i: number): TableRow<Row> | undefined => (rows ? rows[i] : made.at(i));
  const count = rows ? rows.length : data.length;
  const scroller = useRef<HTMLDivElement>(null);
  const virtual = useVirtualizer({ count, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 12 });

  if (!current) return null;
  const setFilter = (id: string, value: string) =>
    setFilters((fs) => [...fs.filter((f) => f.id !== id), ...(value === "" ? [] : [{ id, value }])]);
  const filterValue = (id: string) => String(filters.find((f) => f.id === id)?.value ?? "");
  const items = virtual.getVirtualItems();
  const padTop = items[0]?.start ?? 0;
  const padBottom = virtual.getTotalSize() - (items[items.length - 1]?.end ?? 0);

  return (
    <div className="lw-sim-results">
      <div className="lw-sim-filters">
        <label>
          {t("simui.searchId")} <input type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
        </label>
        <label>
          {t("simui.colStatus")}{" "}
          <select value={filterValue("status")} onChange={(e) => setFilter("status", e.target.value)}>
            <option value="">{t("simui.all")}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(STATUS_KEY[s])}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("simui.colOwner")}{" "}
          <select value={filterValue("owner")} onChange={(e) => setFilter("owner", e.target.value)}>
            <option value="">{t("simui.all")}</option>
            {owners.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("simui.colGrade")}{" "}
          <select value={filterValue("grade")} onChange={(e) => setFilter("grade", e.target.value)}>
            <option value="">{t("simui.all")}</option>
            {grades.map((g) => (
              <option key={g} value={g}>
                {g}
              </option>
            ))}
          </select>
        </label>
        <span className="lw-sim-rowcount" role="status">
          {t("simui.rows", { shown: count, total: data.length })}
        </span>
      </div>
      <div className="lw-sim-tablebox" ref={scroller} tabIndex={0}>
        <table className="lw-sim-table lw-sim-grid" aria-label={t("simui.resultsTable")} aria-rowcount={count + 1}>
          <thead>
            {table.getHeaderGroups().map((g) => (
              <tr key={g.id}>
                {g.headers.map((h) => {
                  const dir = h.column.getIsSorted();
                  return (
                    <th key={h.id} scope="col" aria-sort={dir === "asc" ? "ascending" : dir === "desc" ? "descending" : "none"}>
                      <button type="button" className="lw-sim-sort" onClick={h.column.getToggleSortingHandler()}>
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        {dir === "asc" ? " ▲" : dir === "desc" ? " ▼" : ""}
                      </button>
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {padTop > 0 && <tr style={{ height: padTop }} aria-hidden="true" />}
            {items.map((v) => {
              const row = rowAt(v.index);
              if (!row) return null;
              const isSelected = row.original.index === selected;
              return (
                <tr
                  key={row.id}
                  className={isSelected ? "lw-sim-selected" : undefined}
                  aria-selected={isSelected}
                  aria-rowindex={v.index + 2}
                  style={{ height: ROW_HEIGHT }}
                >
                  {row.getVisibleCells().map((cell, i) => (
                    <td key={cell.id}>
                      {i === 0 ? (
                        <button type="button" className="lw-sim-lead" onClick={() => runs.setState({ selectedLead: row.original.index })}>
                          {row.original.id}
                        </button>
                      ) : (
                        flexRender(cell.column.columnDef.cell, cell.getContext())
                      )}
                    </td>
                  ))}
                </tr>
              );
            })}
            {padBottom > 0 && <tr style={{ height: padBottom }} aria-hidden="true" />}
          </tbody>
        </table>
      </div>
    </div>
  );
}
