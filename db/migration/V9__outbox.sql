-- Everything the bot owes someone in Slack (SPEC 4.4): a temporary password, a change notice, a request to an
-- approver, the update of a request's copy, a notice to a requester, the sweep's notices, help-desk posts. Each is a
-- row written in the same transaction as the change that owes it, so a crash after that commit loses nothing; a
-- worker on any instance delivers it (claimed with FOR UPDATE SKIP LOCKED and a lease), retries it at its next
-- attempt, and ends it in a known state.
create table outbox_message (
    id               bigint generated always as identity constraint outbox_message_pk primary key,
    kind             varchar(40)  not null,
    payload          jsonb        not null,
    -- A temporary password, encrypted (AES-GCM) with the delivery key; erased once the message ends.
    secret           bytea,
    status           varchar(12)  not null,
    -- Delivered only after this one has ended (the requester's "your password is in the message above").
    after_id         bigint       constraint outbox_message_after_fk references outbox_message (id),
    attempts         integer      not null,
    next_attempt_at  timestamptz  not null,
    -- Held by a worker until then; a worker that died lets go when it passes.
    leased_until     timestamptz,
    -- Past it, a temporary password is undone instead of delivered; any other message is given up.
    deadline_at      timestamptz  not null,
    created_at       timestamptz  not null,
    ended_at         timestamptz,
    outcome          varchar(500),
    last_error       varchar(500),
    request_id       varchar(64),
    constraint outbox_message_status_ck
        check (status in ('PENDING', 'DELIVERED', 'UNDONE', 'GIVEN_UP', 'SKIPPED')),
    constraint outbox_message_secret_ck check (secret is null or status = 'PENDING')
);

create index outbox_message_after_ix on outbox_message (after_id);
-- [jooq ignore start]
create index outbox_message_due_ix on outbox_message (next_attempt_at) where status = 'PENDING';
-- [jooq ignore stop]
create index outbox_message_ended_ix on outbox_message (ended_at);
