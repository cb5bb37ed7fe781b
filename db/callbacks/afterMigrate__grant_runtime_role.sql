-- What the bot's runtime role may do, granted by the owner role after every migrate (so tables added later are
-- covered): rows in, out and changed, never the schema. On audit_event only SELECT and INSERT, so that the bot can
-- neither rewrite nor remove history, nor switch off the triggers that refuse it (only an owner can). No TRUNCATE,
-- REFERENCES or TRIGGER anywhere. With one role for both (no DATABASE_MIGRATION_USER) there is nothing to grant.
do $grants$
declare
    runtime text := '${runtime_role}';
begin
    if runtime = current_user then
        return;
    end if;
    -- Usage of public is everyone's by default; grant it only where it is not (the owner may not own the schema).
    if not has_schema_privilege(runtime, 'public', 'USAGE') then
        execute format('grant usage on schema public to %I', runtime);
    end if;
    execute format('revoke all on all tables in schema public from %I', runtime);
    execute format('grant select, insert, update, delete on all tables in schema public to %I', runtime);
    execute format('revoke update, delete on audit_event from %I', runtime);
    execute format('revoke insert, update, delete on flyway_schema_history from %I', runtime);
    execute format('grant usage, select on all sequences in schema public to %I', runtime);
end
$grants$;
