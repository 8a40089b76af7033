// D1 reads that start together travel together. An expert's brief looks up knowledge passages
// and several catalog searches side by side (Promise.all); each would be its own round trip to
// D1. Through `coalescedReads(db)` the statements run with `all`/`first`/`run`/`batch` in the
// same turn of the event loop are sent as one `db.batch` (one round trip), and each caller gets
// its own result. A batch is one transaction, so when it fails each statement is run again on
// its own: one bad statement (an FTS query D1 refuses) fails only its caller, as before.
// `raw()` and `exec()` are passed straight through.

type Pending = { statement: D1PreparedStatement; resolve: (r: D1Result) => void; reject: (e: unknown) => void };

/** A D1Database for reads whose concurrent statements share round trips; `stats.roundTrips` counts them. */
export function coalescedReads(db: D1Database): D1Database & { stats: { statements: number; roundTrips: number } } {
  const stats = { statements: 0, roundTrips: 0 };
  const real = new WeakMap<object, D1PreparedStatement>();
  let pending: Pending[] = [];

  async function flush() {
    const group = pending;
    pending = [];
    stats.roundTrips++;
    try {
      const results = await db.batch(group.map((p) => p.statement));
      group.forEach((p, i) => p.resolve(results[i]!));
    } catch {
      stats.roundTrips += group.length;
      await Promise.all(group.map((p) => p.statement.all().then(p.resolve, p.reject)));
    }
  }

  function enqueue(statement: D1PreparedStatement): Promise<D1Result> {
    stats.statements++;
    if (pending.length === 0) setTimeout(() => void flush(), 0);
    return new Promise((resolve, reject) => pending.push({ statement, resolve, reject }));
  }

  function wrap(statement: D1PreparedStatement): D1PreparedStatement {
    const wrapped = {
      bind: (...values: unknown[]) => wrap(statement.bind(...values)),
      all: () => enqueue(statement),
      run: () => enqueue(statement),
      first: async (column?: string) => {
        const row = (await enqueue(statement)).results[0] as Record<string, unknown> | undefined;
        return column === undefined ? (row ?? null) : (row?.[column] ?? null);
      },
      raw: (options?: { columnNames?: boolean }) => statement.raw(options as { columnNames: true }),
    } as unknown as D1PreparedStatement;
    real.set(wrapped, statement);
    return wrapped;
  }

  const unwrap = (s: D1PreparedStatement) => real.get(s) ?? s;

  return Object.assign(Object.create(db) as D1Database, {
    stats,
    prepare: (query: string) => wrap(db.prepare(query)),
    batch: <T>(statements: D1PreparedStatement[]) => Promise.all(statements.map((s) => enqueue(unwrap(s)))) as Promise<D1Result<T>[]>,
    exec: (query: string) => db.exec(query),
  });
}
