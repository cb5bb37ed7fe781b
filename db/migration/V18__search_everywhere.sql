-- MIIC-wide search for the help desk and Health System Users: by last name, first name, username or email, by prefix
-- or, for a misspelling, by trigram similarity (pg_trgm, trusted since PostgreSQL 13: the schema's owner needs CREATE
-- on the database). GIN trigram indexes serve both the prefix LIKE and the similarity operator.
-- [jooq ignore start]
create extension if not exists pg_trgm;
create index account_last_name_trgm_ix on account using gin (lower(last_name) gin_trgm_ops);
create index account_first_name_trgm_ix on account using gin (lower(first_name) gin_trgm_ops);
create index account_username_trgm_ix on account using gin (lower(username) gin_trgm_ops);
create index account_email_trgm_ix on account using gin (lower(email) gin_trgm_ops);
-- [jooq ignore stop]
