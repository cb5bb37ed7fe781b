-- Requests for help (SPEC 5): a linked user asks for an unlock, a reset or a reactivation of their own account.
-- The first decision wins: a decision is an update guarded by status = 'OPEN'.
create table help_request (
    id                     bigint       generated always as identity constraint help_request_pk primary key,
    kind                   varchar(12)  not null,
    account_id             bigint       not null constraint help_request_account_fk references account (id),
    requester_slack_id     varchar(32)  not null,
    note                   varchar(500),
    status                 varchar(10)  not null default 'OPEN',
    asked_at               timestamptz  not null,
    escalate_at            timestamptz  not null,
    escalated_at           timestamptz,
    claimed_by             bigint       constraint help_request_claimed_by_fk references account (id),
    claimed_at             timestamptz,
    decided_by             bigint       constraint help_request_decided_by_fk references account (id),
    decided_at             timestamptz,
    decision_note          varchar(500),
    constraint help_request_kind_ck check (kind in ('UNLOCK', 'RESET', 'REACTIVATE')),
    constraint help_request_status_ck check (status in ('OPEN', 'APPROVED', 'DENIED', 'EXPIRED'))
);

create index help_request_status_escalate_ix on help_request (status, escalate_at);
create index help_request_account_ix on help_request (account_id, asked_at);

-- Every Slack message that shows a request, so that each copy can be updated when it is decided.
create table help_request_message (
    request_id   bigint       not null constraint help_request_message_request_fk references help_request (id),
    audience     varchar(10)  not null,
    slack_user_id varchar(32),
    channel      varchar(32)  not null,
    ts           varchar(32)  not null,
    constraint help_request_message_pk primary key (channel, ts),
    constraint help_request_message_audience_ck check (audience in ('APPROVER', 'HELPDESK'))
);

create index help_request_message_request_ix on help_request_message (request_id);

-- db-scheduler's table (its PostgreSQL definition, with bounded names so jOOQ's DDL reader can index them):
-- recurring jobs run once per interval across any number of instances.
create table scheduled_tasks (
    task_name            varchar(100) not null,
    task_instance        varchar(200) not null,
    task_data            bytea,
    execution_time       timestamptz,
    picked               boolean      not null,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures integer,
    last_heartbeat       timestamptz,
    version              bigint       not null,
    priority             smallint,
    state                text,
    constraint scheduled_tasks_pk primary key (task_name, task_instance)
);

create index scheduled_tasks_execution_time_ix on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_ix on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_ix on scheduled_tasks (priority desc, execution_time asc);
