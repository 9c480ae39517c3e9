// Neo4j schema: applied before every load (IF NOT EXISTS makes it idempotent).
// Uniqueness of `id` per label: also the index behind every id lookup and load MATCH.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:{{entity_label}}) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT post_id IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT project_id IF NOT EXISTS FOR (n:Project) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT goal_id IF NOT EXISTS FOR (n:Goal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgmapmeta_id IF NOT EXISTS FOR (n:{{meta_label}}) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgmaplock_id IF NOT EXISTS FOR (n:{{lock_label}}) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgmapsavedmap_id IF NOT EXISTS FOR (n:{{saved_map_label}}) REQUIRE n.id IS UNIQUE;

// The properties the catalogue filters on: kind (entities, stats), the validity dates
// ("as of", changes) and search_text (search's CONTAINS is served by a TEXT index).
CREATE INDEX entity_kind IF NOT EXISTS FOR (n:{{entity_label}}) ON (n.kind);
CREATE INDEX entity_valid_from IF NOT EXISTS FOR (n:{{entity_label}}) ON (n.valid_from_date);
CREATE INDEX entity_valid_to IF NOT EXISTS FOR (n:{{entity_label}}) ON (n.valid_to_date);
CREATE TEXT INDEX entity_search_text IF NOT EXISTS FOR (n:{{entity_label}}) ON (n.search_text);
CREATE TEXT INDEX entity_search_names IF NOT EXISTS FOR (n:{{entity_label}}) ON (n.search_names);
CREATE INDEX member_of_role IF NOT EXISTS FOR ()-[r:MEMBER_OF]-() ON (r.role);
CREATE INDEX steers_mode IF NOT EXISTS FOR ()-[r:STEERS]-() ON (r.mode);

// Every name field, for Lucene queries (fuzzy, ranked) from Neo4j Browser, Bloom or plugins.
// The catalogue's own search keeps the embedded engine's substring semantics (above), so that
// both backends give the same answers.
CREATE FULLTEXT INDEX entity_names IF NOT EXISTS
FOR (n:Organization|Person|Post|Project|Document|Event|Goal|Source)
ON EACH [n.name, n.name_fi, n.name_sv, n.name_en, n.abbr_fi, n.abbr_sv, n.abbr_en, n.gloss_en, n.given_name, n.family_name];
