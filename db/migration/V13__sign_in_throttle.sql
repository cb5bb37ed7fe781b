-- Failed sign-ins counted per client address and per organization and username, so that every instance slows the
-- same attacker the same way (exponential back-off after a free allowance). Keys are of the form addr:<ip> and
-- account:<org>/<username>, lowercased; a success clears the account's key. Rows older than a day are forgotten.
create table sign_in_throttle (
    key           varchar(300) not null constraint sign_in_throttle_pk primary key,
    failures      integer      not null,
    blocked_until timestamptz,
    updated_at    timestamptz  not null
);
