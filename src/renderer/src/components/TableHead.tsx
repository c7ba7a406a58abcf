export interface Column {
  label: string
  /** Right-aligned, tabular figures (amounts, counts). */
  numeric?: boolean
  /** Named for screen readers only (an actions column). */
  hidden?: boolean
}

/** A table's header row: one column heading each, numbers aligned right. */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, index) => (
          <th key={index} scope="col" className={column.numeric ? 'num' : undefined}>
            {column.hidden ? <span className="visually-hidden">{column.label}</span> : column.label}
          </th>
        ))}
      </tr>
    </thead>
  )
}
