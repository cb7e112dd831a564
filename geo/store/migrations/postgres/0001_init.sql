-- Cluster Atlas schema, PostgreSQL/PostGIS: the SQLite schema plus a PostGIS geometry with a GiST index.
CREATE EXTENSION IF NOT EXISTS postgis;
CREATE TABLE atlas_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE cities (slug TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, ord INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE clusters (name TEXT PRIMARY KEY, ord INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE units (
  id TEXT PRIMARY KEY, city TEXT NOT NULL, ord INTEGER NOT NULL, adcode TEXT, name TEXT NOT NULL, name_en TEXT NOT NULL,
  kind TEXT NOT NULL, area_km2 DOUBLE PRECISION NOT NULL, geometry_quality TEXT NOT NULL, source TEXT NOT NULL, licence TEXT NOT NULL,
  minx DOUBLE PRECISION NOT NULL, miny DOUBLE PRECISION NOT NULL, maxx DOUBLE PRECISION NOT NULL, maxy DOUBLE PRECISION NOT NULL,
  geometry TEXT NOT NULL, web_geometry TEXT NOT NULL,
  geom geometry(Geometry, 4326) NOT NULL
);
CREATE INDEX units_city ON units (city, ord);
CREATE INDEX units_geom ON units USING gist (geom);
CREATE TABLE zones (id TEXT PRIMARY KEY, city TEXT NOT NULL, ord INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE unit_groups (city TEXT NOT NULL, name TEXT NOT NULL, ord INTEGER NOT NULL, data TEXT NOT NULL, PRIMARY KEY (city, name));
CREATE TABLE plans (plan_id TEXT PRIMARY KEY, city TEXT NOT NULL, ord INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE roles (
  id SERIAL PRIMARY KEY, city TEXT NOT NULL, cluster TEXT NOT NULL, district_id TEXT NOT NULL, ord INTEGER NOT NULL,
  review_state TEXT NOT NULL DEFAULT 'extracted', data TEXT NOT NULL
);
CREATE INDEX roles_city_cluster ON roles (city, cluster, ord);
CREATE TABLE users (id SERIAL PRIMARY KEY, login TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL DEFAULT '', role TEXT NOT NULL DEFAULT 'viewer', created_at TIMESTAMPTZ NOT NULL DEFAULT now());
