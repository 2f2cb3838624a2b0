/**
 * The little the PostgreSQL store needs from a driver, so one store runs on node-postgres (a pool of
 * connections to a real server) and on PGlite (PostgreSQL compiled to WebAssembly, in-process). Every
 * statement is parameterised: callers pass values in `params`, never into `text`.
 */
export interface SqlResult<Row> {
  rows: Row[];
  rowCount: number;
}

export interface SqlQueryable {
  query<Row = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<SqlResult<Row>>;
  /** Runs a script of several statements without parameters (migrations). */
  exec(script: string): Promise<void>;
}

export interface SqlClient extends SqlQueryable {
  readonly dialect: 'postgres' | 'pglite';
  /** Runs `work` in one transaction on one connection: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  /**
   * Runs `work` on one connection holding a session advisory lock on `key` (waits for it), then
   * unlocks. Two processes migrating at once serialise here.
   */
  withAdvisoryLock<T>(key: string, work: (session: SqlQueryable) => Promise<T>): Promise<T>;
  /** LISTEN on `channel`; `onNotify` gets each payload. Resolves to the function that stops listening. */
  listen(channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** What drivers put on a failed statement (node-postgres and PGlite both carry the SQLSTATE). */
export interface SqlError {
  code?: string;
  constraint?: string;
  message?: string;
  detail?: string;
}

export function sqlErrorOf(error: unknown): SqlError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const e = error as SqlError;
  return typeof e.code === 'string' ? e : undefined;
}

/** SQLSTATE classes that mean "the database was unreachable or went away; the same command may be retried". */
export function isConnectionError(error: unknown): boolean {
  const sql = sqlErrorOf(error);
  const code = sql?.code ?? '';
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03' || code === '53300') return true;
  const nodeCode = (error as { code?: string } | null)?.code;
  const message = (error as { message?: string } | null)?.message ?? '';
  return (
    nodeCode === 'ECONNREFUSED' ||
    nodeCode === 'ECONNRESET' ||
    nodeCode === 'EPIPE' ||
    nodeCode === 'ETIMEDOUT' ||
    /Connection terminated|connection terminated|Client has encountered a connection error|timeout exceeded when trying to connect/.test(message)
  );
}

/** A stable 63-bit advisory lock key from a name (the same in every process). */
export function advisoryKey(name: string): string {
  // FNV-1a over UTF-16 code units, folded to a signed 64-bit decimal string PostgreSQL reads as bigint.
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < name.length; i++) {
    hash ^= BigInt(name.charCodeAt(i));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return BigInt.asIntN(64, hash).toString();
}
