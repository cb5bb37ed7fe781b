-- Organizations as in SPEC 2.1: a code, a kind, an optional parent (any depth) and the DUA date.
create table organization (
    id         bigint generated always as identity constraint organization_pk primary key,
    code       varchar(20)  not null constraint organization_code_uk unique,
    name       varchar(200) not null,
    kind       varchar(30)  not null,
    parent_id  bigint       constraint organization_parent_fk references organization (id),
    dua_date   date,
    created_at timestamptz  not null default current_timestamp,
    constraint organization_code_format_ck check (code = upper(code) and length(code) between 2 and 20),
    constraint organization_kind_ck check (kind in ('STATE', 'HEALTH_SYSTEM', 'CLINIC', 'HOSPITAL', 'PHARMACY',
        'LOCAL_PUBLIC_HEALTH', 'SCHOOL', 'CHILD_CARE', 'OTHER')),
    constraint organization_not_own_parent_ck check (parent_id is null or parent_id <> id)
);

create index organization_parent_ix on organization (parent_id);
