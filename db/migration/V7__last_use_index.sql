-- The inactivity sweep and the expiry warnings look for active accounts by their last use
-- (AccountRepository.LAST_USE); with a million accounts, an index on exactly that expression lets each batch read
-- only the rows it changes. jOOQ's DDL reader cannot read expression indexes, and needs none of them.
-- [jooq ignore start]
create index account_active_last_use_ix
    on account ((coalesce(greatest(last_sign_in_at, reactivated_at), created_at)))
    where status = 'ACTIVE';
-- [jooq ignore stop]
