-- Slack users linked to MIIC accounts (SPEC 4.5): one Slack user, one account, and the other way round.
create table slack_link (
    slack_user_id  varchar(32)  not null constraint slack_link_pk primary key,
    account_id     bigint       not null constraint slack_link_account_fk references account (id) on delete cascade,
    linked_at      timestamptz  not null default current_timestamp,
    linked_by      bigint       constraint slack_link_linked_by_fk references account (id),
    constraint slack_link_account_uq unique (account_id)
);

-- Keys of things that must happen once, whichever bot instance sees them: a Slack request (its trigger or event
-- id, so that Slack's retries are dropped) or a confirmation button (its nonce, so that a double click acts once).
create table once_key (
    key         varchar(200) not null constraint once_key_pk primary key,
    created_at  timestamptz  not null default current_timestamp
);

create index once_key_created_ix on once_key (created_at);
