import { createColumnHelper, useTable, type FilterFn, type SortFn } from '@tanstack/react-table'
import { useVirtualizer } from '@tanstack/react-virtual'
import { useDeferredValue, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import { ColumnFilter } from './ColumnFilter'
import { ColumnMenu } from './ColumnMenu'
import type { DataColumn } from './dataColumns'
import { dataTableFeatures, type DataTableFeatures } from './dataTableFeatures'
import { compareValues, containsText, matchesNumber } from './tableFilters'
import { useColumnVisibility, type Visibility } from './useColumnVisibility'

// Fixed row height: the virtualizer then needs no measuring, and scrolling 10,000 rows stays cheap.
const rowHeight = 34

export type DataTableProps<Row extends { id: string }> = {
  /** Stable id: remembers column choices in localStorage and names the table for tests. */
  tableId: string
  label: string
  noun: { one: string; many: string }
  rows: readonly Row[]
  columns: readonly DataColumn<Row>[]
  loading?: boolean
  initialSort?: { id: string; desc: boolean }[]
  /** Enter or double click: open the record. */
  onOpen?: (row: Row) => void
  /** Delete key: the screen asks before deleting. */
  onDelete?: (row: Row) => void
  onActiveChange?: (row: Row | undefined) => void
  /** Shown when there are no rows at all (not when filters hide them). */
  empty?: ReactNode
  toolbar?: ReactNode
  /** Toolbar actions that work on what the table shows (CSV export): called with a getter of the shown rows, filtered and sorted, and the visible columns. */
  viewActions?: (getView: () => { rows: Row[]; columns: DataColumn<Row>[] }) => ReactNode
}

/** The one table of the app: sort, filter, column choice, virtual rows and keyboard navigation. */
export function DataTable<Row extends { id: string }>(props: DataTableProps<Row>) {
  const { tableId, label, noun, rows, columns, onOpen, onDelete, onActiveChange } = props
  const domId = useId()

  const tanstackColumns = useMemo(() => {
    const helper = createColumnHelper<DataTableFeatures, Row>()
    return columns.map((c) => {
      const filterFn: FilterFn<DataTableFeatures, Row> = (row, _id, filterValue) => {
        const q = String(filterValue)
        if (c.kind === 'number') return matchesNumber(q, row.getValue<number | undefined>(c.id))
        if (c.kind === 'enum' || c.kind === 'bool') return q === '' || String(row.getValue(c.id)) === q
        return containsText(c.text(row.original), q)
      }
      const sortFn: SortFn<DataTableFeatures, Row> = (a, b, id) => compareValues(a.getValue(id), b.getValue(id), c.options)
      // Typed as unknown: the table holds columns of mixed value types in one array.
      return helper.accessor((r: Row): unknown => c.value(r), {
        id: c.id,
        header: c.header,
        filterFn,
        sortFn,
        sortUndefined: 'last',
        sortDescFirst: c.kind === 'number'
      })
    })
  }, [columns])

  const byId = useMemo(() => new Map(columns.map((c) => [c.id, c])), [columns])

  // The global search matches what the cells show, so "In review" finds `in_review`.
  const globalFilterFn = useMemo<FilterFn<DataTableFeatures, Row>>(
    () => (row, columnId, filterValue) => {
      const c = byId.get(columnId)
      return c !== undefined && containsText(c.text(row.original), String(filterValue))
    },
    [byId]
  )

  const defaults = useMemo<Visibility>(() => Object.fromEntries(columns.map((c) => [c.id, c.hidden !== true])), [columns])
  const [columnVisibility, setColumnVisibility] = useColumnVisibility(tableId, defaults)

  // The search box answers every keystroke at once; filtering 10,000 rows follows a beat later.
  const [search, setSearch] = useState('')
  const deferredSearch = useDeferredValue(search)

  const table = useTable({
    features: dataTableFeatures,
    columns: tanstackColumns,
    data: rows as Row[],
    getRowId: (r) => r.id,
    globalFilterFn,
    getColumnCanGlobalFilter: () => true,
    initialState: { sorting: props.initialSort ?? [] },
    state: { columnVisibility, globalFilter: deferredSearch },
    onGlobalFilterChange: (u) => setSearch((prev) => String(typeof u === 'function' ? u(prev) : (u ?? ''))),
    onColumnVisibilityChange: setColumnVisibility
  })

  const visibleRows = table.getRowModel().rows
  const leafColumns = table.getVisibleLeafColumns()
  const widthOf = (id: string): number => byId.get(id)?.width ?? 150
  const totalWidth = leafColumns.reduce((s, c) => s + widthOf(c.id), 0)

  const scrollRef = useRef<HTMLDivElement>(null)
  // We do not use the React Compiler, which is what this rule protects; the virtualizer is safe here.
  // oxlint-disable-next-line react/incompatible-library
  const virtualizer = useVirtualizer({
    count: visibleRows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: (i) => visibleRows[i]?.id ?? i,
    overscan: 12
  })

  // The active cell is kept by row id so it stays on the same record when sorting changes.
  const [activeId, setActiveId] = useState<string | undefined>(undefined)
  const [activeCol, setActiveCol] = useState(0)
  const activeIndex = useMemo(() => (activeId === undefined ? -1 : visibleRows.findIndex((r) => r.id === activeId)), [visibleRows, activeId])
  const activeRow = activeIndex >= 0 ? visibleRows[activeIndex] : undefined

  const onActiveChangeRef = useRef(onActiveChange)
  onActiveChangeRef.current = onActiveChange
  useEffect(() => onActiveChangeRef.current?.(activeRow?.original), [activeRow?.original])

  const moveTo = (index: number, col = activeCol): void => {
    if (visibleRows.length === 0) return
    const i = Math.max(0, Math.min(visibleRows.length - 1, index))
    setActiveId(visibleRows[i]?.id)
    setActiveCol(Math.max(0, Math.min(leafColumns.length - 1, col)))
    virtualizer.scrollToIndex(i, { align: 'auto' })
  }

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>): void => {
    // Keys typed into the filter inputs in the header belong to those inputs.
    if (e.target !== e.currentTarget) return
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 300) / rowHeight) - 2)
    const at = activeIndex < 0 ? -1 : activeIndex
    const keys: Record<string, () => void> = {
      ArrowDown: () => moveTo(at + 1),
      ArrowUp: () => moveTo(at < 0 ? 0 : at - 1),
      ArrowRight: () => moveTo(Math.max(at, 0), activeCol + 1),
      ArrowLeft: () => moveTo(Math.max(at, 0), activeCol - 1),
      PageDown: () => moveTo(at + page),
      PageUp: () => moveTo(at - page),
      Home: () => moveTo(0, e.ctrlKey ? 0 : activeCol),
      End: () => moveTo(visibleRows.length - 1, e.ctrlKey ? leafColumns.length - 1 : activeCol),
      Enter: () => activeRow !== undefined && onOpen?.(activeRow.original),
      Delete: () => activeRow !== undefined && onDelete?.(activeRow.original)
    }
    const action = keys[e.key]
    if (action === undefined) return
    e.preventDefault()
    action()
  }

  const filtered = search !== '' || table.state.columnFilters.length > 0
  const cellId = (rowId: string, colIndex: number): string => `${domId}-${rowId}-${colIndex}`
  const countText = filtered
    ? `${visibleRows.length.toLocaleString()} of ${rows.length.toLocaleString()} ${rows.length === 1 ? noun.one : noun.many}`
    : `${rows.length.toLocaleString()} ${rows.length === 1 ? noun.one : noun.many}`

  return (
    <div className="dt" data-testid={`table-${tableId}`}>
      <div className="dt-toolbar">
        <input
          className="input dt-search"
          type="search"
          placeholder={`Search ${noun.many}`}
          aria-label={`Search ${noun.many}`}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
        {filtered && (
          <button type="button" className="btn btn-ghost" onClick={() => { setSearch(''); table.resetColumnFilters(true) }}>
            Clear filters
          </button>
        )}
        <span className="dt-count muted" role="status" data-testid="row-count">
          {props.loading === true && rows.length === 0 ? 'Loading…' : countText}
        </span>
        <ColumnMenu
          columns={table.getAllLeafColumns().map((c) => ({ id: c.id, header: byId.get(c.id)?.header ?? c.id, visible: c.getIsVisible() }))}
          onToggle={(id, visible) => setColumnVisibility((v) => ({ ...v, [id]: visible }))}
          onReset={() => setColumnVisibility(defaults)}
        />
        {props.viewActions?.(() => ({ rows: visibleRows.map((r) => r.original), columns: leafColumns.flatMap((c) => byId.get(c.id) ?? []) }))}
        {props.toolbar}
      </div>

      <div
        ref={scrollRef}
        className="dt-scroll card"
        role="grid"
        aria-label={label}
        aria-rowcount={visibleRows.length + 2}
        aria-colcount={leafColumns.length}
        aria-activedescendant={activeRow === undefined ? undefined : cellId(activeRow.id, activeCol)}
        tabIndex={0}
        onKeyDown={onKeyDown}
        onFocus={(e) => {
          if (e.target === e.currentTarget && activeRow === undefined && visibleRows.length > 0) moveTo(0, 0)
        }}
      >
        <div className="dt-head" role="rowgroup" style={{ minWidth: totalWidth }}>
          <div className="dt-row dt-row-head" role="row" aria-rowindex={1}>
            {table.getHeaderGroups()[0]?.headers.map((h) => {
              const sorted = h.column.getIsSorted()
              const sortIndex = table.state.sorting.length > 1 ? h.column.getSortIndex() + 1 : 0
              return (
                <div
                  key={h.id}
                  role="columnheader"
                  className={`dt-cell dt-th dt-${byId.get(h.id)?.kind ?? 'text'}`}
                  style={{ width: widthOf(h.id) }}
                  aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'}
                >
                  <button type="button" className="dt-sort" onClick={h.column.getToggleSortingHandler()} title="Sort (Shift-click to add to the sort)">
                    <span className="dt-sort-label">
                      <table.FlexRender header={h} />
                    </span>
                    <span className="dt-sort-mark" aria-hidden="true">
                      {sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : ''}
                      {sorted !== false && sortIndex > 0 ? sortIndex : ''}
                    </span>
                  </button>
                </div>
              )
            })}
          </div>
          <div className="dt-row dt-row-filter" role="row" aria-rowindex={2}>
            {leafColumns.map((c) => {
              const spec = byId.get(c.id)
              return (
                <div key={c.id} role="gridcell" className="dt-cell" style={{ width: widthOf(c.id) }}>
                  {spec !== undefined && (
                    <ColumnFilter column={spec} value={String(c.getFilterValue() ?? '')} onChange={(v) => c.setFilterValue(v === '' ? undefined : v)} />
                  )}
                </div>
              )
            })}
          </div>
        </div>

        {visibleRows.length === 0 ? (
          // A row and cell of the grid, so the message (and a button in it) is allowed inside role="grid".
          <div className="dt-empty" data-testid="table-empty" role="row">
            <div role="gridcell">
              {props.loading === true ? (
                <p className="muted">Loading…</p>
              ) : filtered ? (
                <p className="muted">No {noun.many} match these filters.</p>
              ) : (
                (props.empty ?? <p className="muted">No {noun.many} yet.</p>)
              )}
            </div>
          </div>
        ) : (
          <div className="dt-body" role="rowgroup" style={{ height: virtualizer.getTotalSize(), minWidth: totalWidth }}>
            {virtualizer.getVirtualItems().map((item) => {
              const row = visibleRows[item.index]
              if (row === undefined) return null
              const isActive = row.id === activeRow?.id
              return (
                <div
                  key={row.id}
                  role="row"
                  aria-rowindex={item.index + 3}
                  aria-selected={isActive}
                  data-row-id={row.id}
                  className={`dt-row${isActive ? ' dt-row-active' : ''}`}
                  style={{ transform: `translateY(${item.start}px)` }}
                  onClick={(e) => {
                    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-col]')
                    setActiveId(row.id)
                    setActiveCol(Number(cell?.dataset.col ?? activeCol))
                    scrollRef.current?.focus({ preventScroll: true })
                  }}
                  onDoubleClick={() => onOpen?.(row.original)}
                >
                  {row.getVisibleCells().map((cell, ci) => {
                    const spec = byId.get(cell.column.id)
                    return (
                      <div
                        key={cell.id}
                        id={cellId(row.id, ci)}
                        role="gridcell"
                        data-col={ci}
                        className={`dt-cell dt-${spec?.kind ?? 'text'}${isActive && ci === activeCol ? ' dt-cell-active' : ''}`}
                        style={{ width: widthOf(cell.column.id) }}
                      >
                        {spec?.render !== undefined ? spec.render(row.original) : (spec?.text(row.original) ?? '')}
                      </div>
                    )
                  })}
                </div>
              )
            })}
          </div>
        )}
      </div>
    </div>
  )
}
