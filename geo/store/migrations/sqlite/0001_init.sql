-- Cluster Atlas schema, SQLite. Reference records keep their full fields as JSON in `data` so columns
-- added to the committed files pass through; what queries filter on has its own column.
CREATE TABLE atlas_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE cities (slug TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, ord INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE clusters (name TEXT PRIMARY KEY, ord INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE units (
  id TEXT PRIMARY KEY, city TEXT NOT NULL, ord INTEGER NOT NULL, adcode TEXT, name TEXT NOT NULL, name_en TEXT NOT NULL,
  kind TEXT NOT NULL, area_km2 REAL NOT NULL, geometry_quality TEXT NOT NULL, source TEXT NOT NULL, licence TEXT NOT NULL,
  minx REAL NOT NULL, miny REAL NOT NULL, maxx REAL NOT NULL, maxy REAL NOT NULL,
  geometry TEXT NOT NULL, web_geometry TEXT NOT NULL
);
CREATE INDEX units_city ON units (city, ord);
CREATE INDEX units_bbox ON units (minx, maxx, miny, maxy);
CREATE TABLE zones (id TEXT PRIMARY KEY, city TEXT NOT NULL, ord INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE unit_groups (city TEXT NOT NULL, name TEXT NOT NULL, ord INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (city, name));
CREATE TABLE plans (plan_id TEXT PRIMARY KEY, city TEXT NOT NULL, ord INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE roles (
  id INTEGER PRIMARY KEY, city TEXT NOT NULL, cluster TEXT NOT NULL, district_id TEXT NOT NULL, ord INTEGER NOT NULL,
  review_state TEXT NOT NULL DEFAULT 'extracted', data TEXT NOT NULL
);
CREATE INDEX roles_city_cluster ON roles (city, cluster, ord);
CREATE TABLE users (id INTEGER PRIMARY KEY, login TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL DEFAULT '', role TEXT NOT NULL DEFAULT 'viewer', created_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);
