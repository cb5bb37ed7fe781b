-- A Health System User's search reads the accounts of a name in the order shown and keeps those in their
-- organizations: with V19's indexes, each of them was fetched from the table to learn its organization and status
-- (twenty read for each one kept at a reach of 5% of MIIC). The same indexes now carry what the search filters on
-- and shows, so that it reads the index alone (an index-only scan; the table's visibility map is kept by autovacuum).
-- [jooq ignore start]
drop index account_search_last_ix;
drop index account_search_first_ix;
drop index account_search_username_ix;
drop index account_search_email_ix;

create index account_search_last_ix on account ((lower(last_name) collate "C"), (lower(first_name) collate "C"), id)
    include (organization_id, status, last_name, first_name);
create index account_search_first_ix on account ((lower(first_name) collate "C"), (lower(last_name) collate "C"), id)
    include (organization_id, status, last_name, first_name);
create index account_search_username_ix on account ((lower(username) collate "C"))
    include (id, organization_id, status, last_name, first_name, username);
create index account_search_email_ix on account ((lower(email) collate "C"))
    include (id, organization_id, status, last_name, first_name, email);
-- [jooq ignore stop]
