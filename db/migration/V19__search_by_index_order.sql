-- The MIIC-wide search at a million accounts: V18's trigram indexes on account matched a prefix of three letters to
-- tens of thousands of rows that then had to be ranked. Now a word is a prefix of a name, username or email read
-- from btree indexes in the order results are shown (last name, first name; "C" collation, so that one index serves
-- both the prefix and the order), and a misspelled name is looked up in a small dictionary of the names in use.

-- Every last and first name in use, lowercased: the trigram index for misspellings, and the distinct names a
-- prefix covers (each then read from account in order). Names no longer in use stay; they match nobody.
create table search_name (
    name varchar(50) collate "C" not null,
    last boolean not null,
    constraint search_name_pk primary key (last, name)
);

-- [jooq ignore start]
drop index account_last_name_trgm_ix;
drop index account_first_name_trgm_ix;
drop index account_username_trgm_ix;
drop index account_email_trgm_ix;

create index account_search_last_ix on account ((lower(last_name) collate "C"), (lower(first_name) collate "C"), id);
create index account_search_first_ix on account ((lower(first_name) collate "C"), (lower(last_name) collate "C"), id);
create index account_search_username_ix on account ((lower(username) collate "C"));
create index account_search_email_ix on account ((lower(email) collate "C"));
create index search_name_trgm_ix on search_name using gin (name gin_trgm_ops);

insert into search_name (name, last)
select distinct lower(last_name), true from account
union
select distinct lower(first_name), false from account;

-- Kept by the database, so that no path that writes a name can forget it.
create function search_name_keep() returns trigger language plpgsql as $$
begin
    insert into search_name (name, last)
    values (lower(new.last_name), true), (lower(new.first_name), false)
    on conflict do nothing;
    return null;
end
$$;

create trigger account_search_name after insert or update of first_name, last_name on account
    for each row execute function search_name_keep();
-- [jooq ignore stop]
