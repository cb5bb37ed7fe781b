-- "Now" comes from the application's clock (DatabaseClock), which every write sets explicitly, so that a row and the
-- use case that wrote it agree on the time. Without a default, a write that forgets fails at once instead of quietly
-- taking the database's time.
alter table organization alter column created_at drop default;
alter table account alter column created_at drop default;
alter table account alter column updated_at drop default;
alter table password_history alter column created_at drop default;
alter table audit_event alter column occurred_at drop default;
alter table slack_link alter column linked_at drop default;
alter table once_key alter column created_at drop default;
alter table inactivity_warning alter column sent_at drop default;

-- One open request of each kind per account, held by the database too (AskForHelp also takes the account's lock).
-- [jooq ignore start]
create unique index help_request_one_open_uq on help_request (account_id, kind) where status = 'OPEN';
-- [jooq ignore stop]
