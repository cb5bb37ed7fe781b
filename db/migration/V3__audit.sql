-- The audit log (SPEC 6): one row a decision, allowed or refused. Never a password.
create table audit_event (
    id                  bigint generated always as identity constraint audit_event_pk primary key,
    occurred_at         timestamptz  not null default current_timestamp,
    request_id          varchar(64),
    actor_account_id    bigint,
    actor_username      varchar(30),
    actor_slack_user_id varchar(32),
    action              varchar(40)  not null,
    target_account_id   bigint,
    target_username     varchar(30),
    organization_id     bigint,
    organization_code   varchar(20),
    outcome             varchar(10)  not null,
    reason              varchar(1000),
    changes             jsonb,
    constraint audit_event_outcome_ck check (outcome in ('DONE', 'REFUSED'))
);

create index audit_event_target_ix on audit_event (target_account_id, id);
create index audit_event_organization_ix on audit_event (organization_id, id);

-- [jooq ignore start]
-- Append-only: the database itself refuses to change or remove what was recorded.
create function audit_event_refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'audit_event is append-only: % is not allowed', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update_or_delete
    before update or delete on audit_event
    for each row execute function audit_event_refuse_change();

create trigger audit_event_no_truncate
    before truncate on audit_event
    for each statement execute function audit_event_refuse_change();
-- [jooq ignore stop]
