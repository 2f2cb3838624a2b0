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

// Organisations over GB/T 2260 divisions, the farm registry, data scope, lockout, TOTP and one-time password links.
const organisationsAndScope = /* sql */ `
CREATE TABLE nongan_organisations (
  id          text PRIMARY KEY,
  name_zh     text NOT NULL,
  name_en     text NOT NULL,
  kind        text NOT NULL,
  region      text NOT NULL,
  division    text COLLATE "C" NOT NULL,
  parent_id   text REFERENCES nongan_organisations (id),
  created_at  bigint NOT NULL
);
CREATE INDEX nongan_organisations_division ON nongan_organisations (division);

-- Farms and other subjects, identified by their unified social credit code (GB 32100-2015).
CREATE TABLE nongan_subjects (
  id          text PRIMARY KEY,
  uscc        text NOT NULL UNIQUE,
  name        text NOT NULL,
  region      text NOT NULL,
  division    text COLLATE "C" NOT NULL,
  created_at  bigint NOT NULL
);
CREATE INDEX nongan_subjects_division ON nongan_subjects (division);

ALTER TABLE nongan_accounts
  ADD COLUMN organisation_id text REFERENCES nongan_organisations (id),
  ADD COLUMN data_scope text NOT NULL DEFAULT 'org-and-below',
  ADD COLUMN custom_divisions text[] NOT NULL DEFAULT '{}',
  ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
  ADD COLUMN failed_sign_ins integer NOT NULL DEFAULT 0,
  ADD COLUMN locked_until bigint,
  ADD COLUMN totp_secret text,
  ADD COLUMN totp_pending_secret text,
  ADD COLUMN totp_last_step bigint;

-- Invitation and reset links: only the hash of the one-time token is kept.
CREATE TABLE nongan_password_tokens (
  token_hash  text PRIMARY KEY,
  account_id  text NOT NULL REFERENCES nongan_accounts (id) ON DELETE CASCADE,
  purpose     text NOT NULL,
  expires_at  bigint NOT NULL
);

-- Failed sign-ins by address, counted over a window for the per-address limit.
CREATE INDEX nongan_audit_failed_by_address ON nongan_audit (address, at) WHERE kind = 'sign-in-failed';
`;

// The designer's documents on the server: one shared draft per document, immutable published versions.
const designs = /* sql */ `
CREATE TABLE nongan_design_drafts (
  doc_id    text PRIMARY KEY,
  doc       json NOT NULL,
  saved_at  text NOT NULL
);
CREATE TABLE nongan_design_versions (
  doc_id          text NOT NULL,
  version         text NOT NULL,
  doc             json NOT NULL,
  effective_from  text NOT NULL,
  note            text NOT NULL,
  published_at    text NOT NULL,
  PRIMARY KEY (doc_id, version)
);
`;

// Signed certificates (issue 14): the authorities' Ed25519 keys, the certificates signed, and public checks.
const certificates = /* sql */ `
CREATE TABLE nongan_certificate_keys (
  kid             text PRIMARY KEY,
  authority       text NOT NULL,
  public_jwk      json NOT NULL,
  -- Null for a key restored from a backup: it verifies what it signed, it signs nothing here.
  private_jwk     json,
  valid_from      text NOT NULL,
  valid_until     text,
  revoked_from    text,
  revoked_reason  text,
  created_at      bigint NOT NULL
);
-- One key signs for an authority at a time: two processes creating it together cannot both succeed.
CREATE UNIQUE INDEX nongan_certificate_keys_signing ON nongan_certificate_keys (authority) WHERE valid_until IS NULL;

CREATE TABLE nongan_certificates (
  number       text PRIMARY KEY,
  instance_id  text NOT NULL UNIQUE,
  authority    text NOT NULL,
  kid          text NOT NULL REFERENCES nongan_certificate_keys (kid),
  token        text NOT NULL,
  issued_on    text NOT NULL,
  signed_at    bigint NOT NULL
);

-- Every public check, for the regulators' view of forged codes and where they turn up.
CREATE TABLE nongan_certificate_checks (
  id       bigserial PRIMARY KEY,
  at       bigint NOT NULL,
  number   text,
  outcome  text NOT NULL,
  place    text,
  -- The authority the certificate names (claimed, for a code whose signature fails), or null.
  authority text
);
CREATE INDEX nongan_certificate_checks_outcome ON nongan_certificate_checks (outcome, at);
CREATE INDEX nongan_certificate_checks_authority ON nongan_certificate_checks (authority, at);
`;

export const SERVER_MIGRATIONS: readonly Migration[] = [
  { id: 1, name: 'accounts-sessions-audit', sql: accounts },
  { id: 2, name: 'organisations-subjects-scope-lockout-totp', sql: organisationsAndScope },
  { id: 3, name: 'designs', sql: designs },
  { id: 4, name: 'certificates', sql: certificates },
];
export const SERVER_MIGRATION_TABLE = 'nongan_server_migrations';
