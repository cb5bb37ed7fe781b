-- Who holds a message's lease: the instance's host and port. A bot that was killed and started again on the same host
-- and port knows the instance that held them is gone (two live processes cannot share a host's port), so it takes its
-- messages back at once instead of waiting for their leases to run out.
alter table outbox_message add column leased_by varchar(300);
