-- The national data: each city's unit files and the provinces outline, stored as the exact committed
-- bytes so the districts endpoint serves them as they are; unit rows keep properties and extents.
CREATE TABLE atlas_files (key TEXT PRIMARY KEY, body BLOB NOT NULL);
DROP INDEX units_bbox;
CREATE INDEX units_bbox ON units (city, minx, maxx, miny, maxy);
