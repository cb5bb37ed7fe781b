-- The profile email a link was made from (lowercased): when the Slack user's email, or the account's, is no longer
-- that one, the link is no longer true and is dropped. Null for links made before this column, or from a profile
-- that showed no email: those are not compared.
alter table slack_link add column email varchar(320);
