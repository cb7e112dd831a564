-- The national data: each city's unit files and the provinces outline, stored as the exact committed
-- bytes so the districts endpoint serves them as they are; the PostGIS geometry is parsed from them in SQL.
CREATE TABLE atlas_files (key TEXT PRIMARY KEY, body BYTEA NOT NULL);
ALTER TABLE units ALTER COLUMN geom DROP NOT NULL;
