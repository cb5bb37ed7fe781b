-- The Data Use Agreement reminders sent: one row per organization, DUA date and milestone (90, 30, 7 or 0 days before
-- the agreement lapses), written with the reminder's audit row and messages, so that each goes once whatever the
-- number of instances. A renewal records a new DUA date, and the reminders for it start over.
create table dua_reminder (
    organization_id bigint      not null constraint dua_reminder_organization_fk references organization (id),
    dua_date        date        not null,
    days_before     integer     not null,
    sent_at         timestamptz not null,
    constraint dua_reminder_pk primary key (organization_id, dua_date, days_before),
    constraint dua_reminder_days_ck check (days_before >= 0)
);

-- The reminder job looks for agreements lapsing soon.
create index organization_dua_date_ix on organization (dua_date);
