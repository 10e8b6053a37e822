import { sql } from "drizzle-orm";
import type { Database } from "../../src/client.js";
import { rowsOf } from "../../src/sql.js";

// Reads what a migrated database holds in the `public` schema from the system catalogs, in the shapes of
// ./expected.ts, so a test can compare the two whole.

export async function readColumns(db: Database) {
  const rows = rowsOf<{
    table: string;
    column: string;
    type: string;
    nullable: boolean;
    default: string | null;
  }>(
    await db.execute(sql`
      select c.relname as table, a.attname as column, format_type(a.atttypid, a.atttypmod) as type,
             not a.attnotnull as nullable, pg_get_expr(d.adbin, d.adrelid) as default
      from pg_attribute a
      join pg_class c on c.oid = a.attrelid
      join pg_namespace n on n.oid = c.relnamespace
      left join pg_attrdef d on d.adrelid = a.attrelid and d.adnum = a.attnum
      where n.nspname = 'public' and c.relkind = 'r' and a.attnum > 0 and not a.attisdropped
      order by c.relname, a.attnum`),
  );
  return rows.map((r) => [r.table, r.column, r.type, r.nullable, r.default] as const);
}

export async function readEnums(db: Database): Promise<Record<string, string[]>> {
  const rows = rowsOf<{ name: string; labels: string[] }>(
    await db.execute(sql`
      select t.typname as name, array_agg(e.enumlabel::text order by e.enumsortorder) as labels
      from pg_type t
      join pg_enum e on e.enumtypid = t.oid
      join pg_namespace n on n.oid = t.typnamespace
      where n.nspname = 'public'
      group by t.typname`),
  );
  return Object.fromEntries(rows.map((r) => [r.name, r.labels]));
}

export async function readConstraints(db: Database) {
  return rowsOf<{
    table: string;
    name: string;
    type: "p" | "u" | "c" | "f";
    columns: string[];
    definition: string;
    parent: string | null;
    parentColumns: string[] | null;
    onDelete: string;
    onUpdate: string;
    deferrable: boolean;
  }>(
    await db.execute(sql`
      select rel.relname as table, con.conname as name, con.contype as type,
             array(select att.attname::text from unnest(con.conkey) with ordinality k(attnum, ord)
                   join pg_attribute att on att.attrelid = con.conrelid and att.attnum = k.attnum order by k.ord) as columns,
             pg_get_constraintdef(con.oid) as definition,
             parent.relname as parent,
             case when con.confrelid = 0 then null else
               array(select att.attname::text from unnest(con.confkey) with ordinality k(attnum, ord)
                     join pg_attribute att on att.attrelid = con.confrelid and att.attnum = k.attnum order by k.ord) end
               as "parentColumns",
             con.confdeltype as "onDelete", con.confupdtype as "onUpdate", con.condeferrable as deferrable
      from pg_constraint con
      join pg_class rel on rel.oid = con.conrelid
      join pg_namespace n on n.oid = rel.relnamespace
      left join pg_class parent on parent.oid = con.confrelid
      where n.nspname = 'public'
      order by rel.relname, con.conname`),
  );
}

/** Indexes that do not back a primary key or unique constraint. */
export async function readPlainIndexes(db: Database) {
  return rowsOf<{ table: string; name: string; columns: string[]; method: string }>(
    await db.execute(sql`
      select t.relname as table, i.relname as name, am.amname as method,
             array(select att.attname::text from unnest(ix.indkey) with ordinality k(attnum, ord)
                   join pg_attribute att on att.attrelid = ix.indrelid and att.attnum = k.attnum order by k.ord) as columns
      from pg_index ix
      join pg_class i on i.oid = ix.indexrelid
      join pg_class t on t.oid = ix.indrelid
      join pg_namespace n on n.oid = t.relnamespace
      join pg_am am on am.oid = i.relam
      where n.nspname = 'public'
        and not exists (select 1 from pg_constraint con where con.conindid = ix.indexrelid)
      order by t.relname, i.relname`),
  );
}
