import {
  columnFilteringFeature,
  columnVisibilityFeature,
  createFilteredRowModel,
  createSortedRowModel,
  globalFilteringFeature,
  rowSortingFeature,
  tableFeatures
} from '@tanstack/react-table'

/**
 * The TanStack Table 9 features every DataTable uses, registered once at module scope (a new
 * features object per render would rebuild the row models). Only the features we use are imported,
 * so the bundle carries no grouping, pagination or selection code.
 */
export const dataTableFeatures = tableFeatures({
  columnFilteringFeature,
  globalFilteringFeature,
  filteredRowModel: createFilteredRowModel(),
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  columnVisibilityFeature
})

export type DataTableFeatures = typeof dataTableFeatures
