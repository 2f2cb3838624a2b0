/**
 * The server's own tables (accounts, sessions, audit log), migrated separately from the engine's
 * (their own table of applied migrations), so each can grow its numbering independently.
 */
import type { Migration } from '@nongan/engine/postgres';

const accounts = /* sql */ `
CREATE TABLE nongan_accounts (
  id            text PRIMARY KEY,
  login         text NOT NULL,
  display_name  text NOT NULL,
  -- argon2id PHC string; NULL until the person sets a password
  password_hash text,
  roles         text[] NOT NULL,
  region        text,
  subjects      text[] NOT NULL DEFAULT '{}',
  disabled      boolean NOT NULL DEFAULT false,
  created_at    bigint NOT NULL
);
CREATE UNIQUE INDEX nongan_accounts_login ON nongan_accounts (lower(login));

-- Only a hash of the session token is stored: a copy of this table signs nobody in.
CREATE TABLE nongan_sessions (
  token_hash    text PRIMARY KEY,
  account_id    text NOT NULL REFERENCES nongan_accounts (id) ON DELETE CASCADE,
  csrf_token    text NOT NULL,
  created_at    bigint NOT NULL,
  last_seen_at  bigint NOT NULL,
  expires_at    bigint NOT NULL
);
CREATE INDEX nongan_sessions_account ON nongan_sessions (account_id);

CREATE TABLE nongan_audit (
  id          bigserial PRIMARY KEY,
  at          bigint NOT NULL,
  kind        text NOT NULL,
  account_id  text,
  login       text,
  address     text,
  detail      json NOT NULL DEFAULT '{}'
);
CREATE INDEX nongan_audit_account ON nongan_audit (account_id, at);
`;

export const SERVER_MIGRATIONS: readonly Migration[] = [{ id: 1, name: 'accounts-sessions-audit', sql: accounts }];
export const SERVER_MIGRATION_TABLE = 'nongan_server_migrations';
