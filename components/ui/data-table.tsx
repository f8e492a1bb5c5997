import type { ReactNode } from 'react';

export type Column = { label: string; align?: 'start' | 'end'; className?: string };

/** A scrollable table with a header row; the caller renders the body rows. */
export function DataTable({ columns, children, caption }: { columns: Column[]; children: ReactNode; caption?: string }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-sm">
        {caption && <caption className="sr-only">{caption}</caption>}
        <thead className="bg-slate-100 text-slate-700">
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`px-3 py-2 ${column.align === 'end' ? 'text-end' : 'text-start'} ${column.className ?? ''}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
