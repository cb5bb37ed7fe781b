-- Access reviews (user re-certification): a campaign asks each site's user-managing administrators to confirm, user
-- by user, who still needs MIIC. Started on a schedule (ACCESS_REVIEW_EVERY) or by the help desk.
create table review_campaign (
    id          bigint generated always as identity constraint review_campaign_pk primary key,
    started_at  timestamptz not null,
    started_by  bigint      constraint review_campaign_started_by_fk references account (id),
    due_at      timestamptz not null,
    everywhere  boolean     not null
);

-- One site of a campaign, and the escalations it has had: each claimed once, whatever the number of instances.
create table review_site (
    campaign_id     bigint      not null constraint review_site_campaign_fk references review_campaign (id),
    organization_id bigint      not null constraint review_site_organization_fk references organization (id),
    reminded_at     timestamptz,
    escalated_at    timestamptz,
    help_desk_at    timestamptz,
    constraint review_site_pk primary key (campaign_id, organization_id)
);

-- One user to confirm: the active accounts of the site when the campaign started. Undecided while decision is null.
create table review_item (
    campaign_id     bigint      not null,
    organization_id bigint      not null,
    account_id      bigint      not null constraint review_item_account_fk references account (id),
    decision        varchar(20),
    decided_at      timestamptz,
    decided_by      bigint      constraint review_item_decided_by_fk references account (id),
    constraint review_item_pk primary key (campaign_id, account_id),
    constraint review_item_site_fk foreign key (campaign_id, organization_id)
        references review_site (campaign_id, organization_id),
    constraint review_item_decision_ck check (decision is null or decision in ('KEEP', 'INACTIVATE'))
);

create index review_item_site_ix on review_item (campaign_id, organization_id);

-- When the schedule started: the first scheduled campaign is one ACCESS_REVIEW_EVERY after it, not at once.
create table review_schedule (
    id    integer     not null constraint review_schedule_pk primary key,
    since timestamptz not null,
    constraint review_schedule_one_row_ck check (id = 1)
);
