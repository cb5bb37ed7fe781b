-- MIIC user accounts: every field of the guide's Edit User form (SPEC 2.2) and what the product keeps besides.
create table account (
    id                      bigint generated always as identity constraint account_pk primary key,
    organization_id         bigint       not null constraint account_organization_fk references organization (id),
    current_organization_id bigint       constraint account_current_organization_fk references organization (id),
    username                varchar(30)  not null,
    first_name              varchar(50)  not null,
    last_name               varchar(50)  not null,
    middle_initial          varchar(1),
    role                    varchar(40)  not null,
    ordering                boolean      not null default false,
    status                  varchar(20)  not null default 'ACTIVE',
    locked                  boolean      not null default false,
    area_code               varchar(3),
    phone_number            varchar(7),
    extension               varchar(6),
    email                   varchar(254),
    user_dua_date           date,
    password_hash           varchar(200),
    password_expires_at     timestamptz,
    must_change_password    boolean      not null default false,
    last_sign_in_at         timestamptz,
    reactivated_at          timestamptz,
    failed_sign_ins         integer      not null default 0,
    inactivation_reason     varchar(300),
    created_at              timestamptz  not null default current_timestamp,
    created_by              bigint,
    updated_at              timestamptz  not null default current_timestamp,
    updated_by              bigint,
    version                 integer      not null default 0,
    constraint account_role_ck check (role in ('READ_ONLY', 'TYPICAL_USER', 'READ_ONLY_ADMINISTRATOR',
        'ADMINISTRATOR', 'HEALTH_SYSTEM_USER')),
    constraint account_status_ck check (status in ('ACTIVE', 'INACTIVE_EXPIRED', 'INACTIVE_MANUAL')),
    constraint account_username_format_ck check (username ~ '^[A-Za-z0-9._-]{3,30}$'),
    constraint account_username_no_admin_ck check (position('admin' in lower(username)) = 0),
    constraint account_failed_sign_ins_ck check (failed_sign_ins >= 0),
    constraint account_area_code_ck check (area_code is null or area_code ~ '^[0-9]{3}$'),
    constraint account_phone_number_ck check (phone_number is null or phone_number ~ '^[0-9]{7}$'),
    constraint account_extension_ck check (extension is null or extension ~ '^[0-9]{1,6}$')
);

create index account_organization_ix on account (organization_id);

-- [jooq ignore start]
-- One person, one account: usernames and emails are unique whatever their case.
create unique index account_username_uk on account (lower(username));
create unique index account_email_uk on account (lower(email)) where email is not null;
create index account_last_name_ix on account (organization_id, lower(last_name), lower(first_name));
-- [jooq ignore stop]

-- Staff who float between locations (the guide's "switch organization").
create table account_organization (
    account_id      bigint not null constraint account_organization_account_fk references account (id),
    organization_id bigint not null constraint account_organization_organization_fk references organization (id),
    constraint account_organization_pk primary key (account_id, organization_id)
);

create index account_organization_org_ix on account_organization (organization_id);

-- Every password hash an account has had, newest last, for the history rule. Never a plaintext password.
create table password_history (
    id            bigint generated always as identity constraint password_history_pk primary key,
    account_id    bigint       not null constraint password_history_account_fk references account (id),
    password_hash varchar(200) not null,
    temporary     boolean      not null,
    created_at    timestamptz  not null default current_timestamp
);

create index password_history_account_ix on password_history (account_id, id);
