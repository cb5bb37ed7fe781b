-- Time-limited access: the last day an account may be used (a student, a temporary worker, a contractor), or null for
-- no end. The day after, the sweep makes it Inactive Manual ("Access ended"). Its owner and its site's administrators
-- are warned 7 days and 1 day before; each warning goes once per date (access_warning), so a new date starts them
-- over.
alter table account add column access_until date;

create table access_warning (
    account_id   bigint      not null constraint access_warning_account_fk references account (id) on delete cascade,
    access_until date        not null,
    days_before  integer     not null,
    sent_at      timestamptz not null,
    constraint access_warning_pk primary key (account_id, access_until, days_before)
);

-- The sweep looks for active accounts whose access ends soon or ended.
create index account_access_until_ix on account (access_until) where status = 'ACTIVE';
