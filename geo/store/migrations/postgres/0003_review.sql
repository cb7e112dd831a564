-- Review, accounts and plans added in the browser. Rows that come from the committed files carry
-- origin 'files' and are replaced by `db load`; uploads (origin 'upload'), decisions, the change log and
-- accounts are never touched by a load. Geometry lives in atlas_files, so the unused columns of 0001 go.
ALTER TABLE units DROP COLUMN geometry;
ALTER TABLE units DROP COLUMN web_geometry;
ALTER TABLE roles DROP COLUMN review_state;
ALTER TABLE roles ADD COLUMN role_id TEXT NOT NULL DEFAULT '';
ALTER TABLE roles ADD COLUMN origin TEXT NOT NULL DEFAULT 'files';
ALTER TABLE roles ADD COLUMN file_id TEXT NOT NULL DEFAULT '';
CREATE INDEX roles_role_id ON roles (role_id);
ALTER TABLE plans ADD COLUMN origin TEXT NOT NULL DEFAULT 'files';
ALTER TABLE plans ADD COLUMN file_id TEXT NOT NULL DEFAULT '';
CREATE TABLE plan_texts (file_id TEXT PRIMARY KEY, city TEXT NOT NULL, origin TEXT NOT NULL, body TEXT NOT NULL, meta TEXT NOT NULL);
CREATE TABLE reviews (
  role_id TEXT PRIMARY KEY, file_id TEXT NOT NULL, status TEXT NOT NULL, role TEXT NOT NULL, basis TEXT NOT NULL,
  reviewed_by TEXT NOT NULL, reviewed_at TEXT NOT NULL
);
CREATE INDEX reviews_file ON reviews (file_id);
CREATE TABLE changes (
  id BIGSERIAL PRIMARY KEY, at TEXT NOT NULL, login TEXT NOT NULL, role_id TEXT NOT NULL, file_id TEXT NOT NULL,
  action TEXT NOT NULL, before TEXT, after TEXT, undone_by BIGINT
);
CREATE INDEX changes_role ON changes (role_id, id);
ALTER TABLE users ADD COLUMN password_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
CREATE TABLE api_tokens (
  id BIGSERIAL PRIMARY KEY, user_id INTEGER NOT NULL REFERENCES users (id), token_hash TEXT NOT NULL UNIQUE,
  created_at TEXT NOT NULL, revoked_at TEXT
);
CREATE TABLE login_failures (key TEXT NOT NULL, at DOUBLE PRECISION NOT NULL);
CREATE INDEX login_failures_key ON login_failures (key, at);
