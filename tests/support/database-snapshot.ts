// A fingerprint of a whole database: every table of every schema (the application's, the job
// queue's), its row count and a checksum of its rows. Two equal snapshots mean nothing was
// written in between; `changedTables` names what differs.
import pg from 'pg';

export type DatabaseSnapshot = Record<string, { rows: number; checksum: string }>;

export type Snapshotter = {
  take(): Promise<DatabaseSnapshot>;
  close(): Promise<void>;
};

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Opens one connection and reads the list of tables once per snapshot (a table created in between
 * shows as a change). `exclude` names tables ("schema.table") whose rows change on their own.
 */
export async function snapshotter(url: string, options: { exclude?: string[] } = {}): Promise<Snapshotter> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const excluded = new Set(options.exclude ?? []);
  return {
    async take() {
      const { rows: tables } = await client.query<{ schema: string; name: string }>(`
        SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
        ORDER BY 1, 2`);
      const wanted = tables.filter((table) => !excluded.has(`${table.schema}.${table.name}`));
      if (wanted.length === 0) return {};
      // md5 of each row's text form, sorted: independent of physical order.
      const sql = wanted.map((table, index) => `
        SELECT ${index} AS i, count(*)::int AS rows,
          coalesce(md5(string_agg(md5(t::text), '' ORDER BY md5(t::text))), '') AS checksum
        FROM ${quote(table.schema)}.${quote(table.name)} t`).join(' UNION ALL ');
      const { rows } = await client.query<{ i: number; rows: number; checksum: string }>(sql);
      const snapshot: DatabaseSnapshot = {};
      for (const row of rows) {
        const table = wanted[row.i]!;
        snapshot[`${table.schema}.${table.name}`] = { rows: row.rows, checksum: row.checksum };
      }
      return snapshot;
    },
    close: () => client.end(),
  };
}

/** The tables whose rows differ between two snapshots (added, removed or changed). */
export function changedTables(before: DatabaseSnapshot, after: DatabaseSnapshot): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => {
    const a = before[name];
    const b = after[name];
    return !a || !b || a.rows !== b.rows || a.checksum !== b.checksum;
  }).sort();
}
