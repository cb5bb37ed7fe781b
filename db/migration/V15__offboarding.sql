-- Accounts whose person left the site (offboarded: inactivated as "No longer works for this site", their other
-- organizations removed, their Slack link dropped, all in one transaction). While the row is here the bot does not
-- link the account to a Slack user by its email again, and the card says when and by whom. A reactivation removes
-- the row; the audit log keeps the whole story.
create table account_offboarding (
    account_id            bigint        not null constraint account_offboarding_pk primary key
                                        constraint account_offboarding_account_fk references account (id),
    offboarded_at         timestamptz   not null,
    offboarded_by         bigint        constraint account_offboarding_by_fk references account (id),
    removed_organizations varchar(2000)
);
