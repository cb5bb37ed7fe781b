-- The password expiry its owner was last told of: equal to password_expires_at once the "your password expired" DM
-- is owed, so that it goes once per expiry whatever the number of instances; a new password moves the expiry, and
-- the notice can go again. Bookkeeping, not a change to the account: it moves neither version nor updated_at.
alter table account add column password_expiry_told_at timestamptz;

-- The sweep looks for passwords that expired lately among active accounts.
create index account_password_expiry_ix on account (password_expires_at) where status = 'ACTIVE';
