-- The expiry warnings go in batches in order of last use, each from where the one before ended. Many accounts can
-- share a last use (accounts created together and never used), so the order needs the id after it, and the index too: a
-- batch then reads exactly its rows, never again the accounts the batches before it warned.
-- [jooq ignore start]
drop index account_active_last_use_ix;
create index account_active_last_use_ix
    on account ((coalesce(greatest(last_sign_in_at, reactivated_at), created_at)), id)
    where status = 'ACTIVE';
-- [jooq ignore stop]
