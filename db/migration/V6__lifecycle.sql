-- Warnings sent before the inactivity sweep expires an account (14 and 3 days before). Keyed by the last use they
-- were computed from, so each goes once: a sign-in moves the last use, and the warnings start over.
create table inactivity_warning (
    account_id   bigint       not null constraint inactivity_warning_account_fk references account (id) on delete cascade,
    last_use_at  timestamptz  not null,
    days_before  integer      not null,
    sent_at      timestamptz  not null default current_timestamp,
    constraint inactivity_warning_pk primary key (account_id, last_use_at, days_before)
);

create index account_status_sign_in_ix on account (status, last_sign_in_at);
