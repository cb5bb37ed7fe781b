package mn.miic.helpdesk.bench;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import mn.miic.helpdesk.accounts.store.AccountRepository;
import mn.miic.helpdesk.lifecycle.InactivitySweep;
import org.jooq.DSLContext;

/**
 * The floor of the inactivity sweep: the same rows written by one hand-written statement per batch (the same batches
 * of whole organizations), with no Java between the expiry and what it owes. What the sweep could cost at best.
 */
final class SweepFloor {

    private static final String LAST_USE = "coalesce(greatest(a.last_sign_in_at, a.reactivated_at), a.created_at)";

    private SweepFloor() {}

    /** Runs the floor; returns how long its expiries took (the rest was its warnings). */
    static Duration run(DSLContext dsl, Instant now, Duration period) {
        long started = System.nanoTime();
        Timestamp cutoff = Timestamp.from(now.minus(period));
        String[] managers = AccountRepository.managerRoles().toArray(String[]::new);
        for (int pass = 0; pass < 3; pass++) {
            SortedMap<Long, Integer> due = new TreeMap<>();
            dsl.fetch(
                            "select a.organization_id, count(*) from account a where a.status = 'ACTIVE' and "
                                    + LAST_USE + " <= ? group by 1",
                            cutoff)
                    .forEach(r -> due.put(r.get(0, Long.class), r.get(1, Integer.class)));
            if (due.isEmpty()) {
                break;
            }
            for (List<Long> orgs : InactivitySweep.batches(due)) {
                while (dsl.transactionResult(cfg -> expire(cfg.dsl(), orgs, cutoff, managers, period))
                        >= InactivitySweep.BATCH) {
                    // an organization larger than a batch: the next part of it
                }
            }
        }
        Duration expiring = Duration.ofNanos(System.nanoTime() - started);
        warn(dsl, now, period, 3, 14);
        warn(dsl, now, period, 0, 3);
        return expiring;
    }

    private static int expire(DSLContext tx, List<Long> orgs, Timestamp cutoff, String[] managers, Duration period) {
        return tx.fetchSingle(
                        "with recursive"
                                + " due as (select a.id from account a where a.status = 'ACTIVE' and " + LAST_USE
                                + " <= ?"
                                + "   and a.organization_id = any(?) order by a.id limit " + InactivitySweep.BATCH
                                + "   for update skip locked),"
                                + " expired as (update account a set status = 'INACTIVE_EXPIRED', inactivation_reason = ?,"
                                + "   updated_at = now(), version = a.version + 1 from due where a.id = due.id"
                                + "   returning a.id, a.organization_id, a.username, a.role),"
                                + " audited as (insert into audit_event (occurred_at, request_id, action, target_account_id,"
                                + "   target_username, organization_id, organization_code, outcome, reason, changes)"
                                + "   select now(), 'floor', 'EXPIRE_INACTIVE', e.id, e.username, o.id, o.code, 'DONE',"
                                + "   'no sign-in for " + period.toDays() + " days',"
                                + "   '{\"status\":{\"before\":\"Active\",\"after\":\"Inactive Expired\"}}'::jsonb"
                                + "   from expired e join organization o on o.id = e.organization_id),"
                                + " per_org as (select organization_id, jsonb_agg(id order by id) ids,"
                                + "   coalesce(jsonb_agg(id order by id) filter (where role = any(?)), '[]') managers"
                                + "   from expired group by organization_id),"
                                + " up (org, ancestor) as (select o.id, o.parent_id from organization o"
                                + "   where o.id in (select organization_id from per_org) and o.parent_id is not null"
                                + "   union select up.org, p.parent_id from up join organization p on p.id = up.ancestor"
                                + "   where p.parent_id is not null),"
                                + " works (account, org) as (select m.id, m.organization_id from account m"
                                + "     where m.organization_id = any(array(select organization_id from per_org union select"
                                + "     ancestor from up)) and m.status = 'ACTIVE' and not m.locked and m.role = any(?)"
                                + "   union all select ao.account_id, ao.organization_id from account_organization ao"
                                + "     join account m on m.id = ao.account_id where ao.organization_id = any(array(select"
                                + "     organization_id from per_org union select ancestor from up)) and m.status = 'ACTIVE'"
                                + "     and not m.locked and m.role = any(?)),"
                                + " recipients as (select p.organization_id org, w.account admin from per_org p"
                                + "     join works w on w.org = p.organization_id where w.account not in (select id from expired)"
                                + "   union select up.org, w.account from up join works w on w.org = up.ancestor"
                                + "     join account h on h.id = w.account and h.role = 'HEALTH_SYSTEM_USER'"
                                + "     where w.account not in (select id from expired)),"
                                + " owed as (insert into outbox_message (kind, payload, status, attempts, next_attempt_at,"
                                + "   deadline_at, created_at, request_id)"
                                + "   select kind, payload, 'PENDING', 0, now(), now() + interval '1 day', now(), 'floor' from ("
                                + "     select 'AccountExpired' kind, jsonb_build_object('accountId', id) payload from expired"
                                + "     union all select 'ExpiredAccountsReport', jsonb_build_object('organizationId', r.org,"
                                + "       'administratorAccountId', r.admin, 'accountIds', p.ids)"
                                + "       from recipients r join per_org p on p.organization_id = r.org"
                                + "     union all select 'LastAdministratorGone', jsonb_build_object('organizationId',"
                                + "       p.organization_id, 'accountIds', p.managers, 'how', null) from per_org p"
                                + "       where jsonb_array_length(p.managers) > 0 and not exists (select 1 from account m"
                                + "       where m.organization_id = p.organization_id and m.status = 'ACTIVE'"
                                + "       and m.role = any(?) and m.id not in (select id from expired))) x)"
                                + " select count(*) from expired",
                        cutoff,
                        orgs.toArray(Long[]::new),
                        InactivitySweep.REASON,
                        managers,
                        managers,
                        managers,
                        managers)
                .get(0, Integer.class);
    }

    /** The warnings in batches in order of last use and id, each after the last of the one before, as the sweep's. */
    private static void warn(DSLContext dsl, Instant now, Duration period, int fromDays, int toDays) {
        Timestamp after = Timestamp.from(now.minus(period).plus(Duration.ofDays(fromDays)));
        Timestamp before = Timestamp.from(now.minus(period).plus(Duration.ofDays(toDays)));
        Timestamp lastUse = after;
        long lastId = 0;
        while (true) {
            Timestamp fromUse = lastUse;
            long fromId = lastId;
            var batch = dsl.transactionResult(cfg -> cfg.dsl()
                    .fetchSingle(
                            "with claimed as (insert into inactivity_warning (account_id, last_use_at,"
                                    + "   days_before, sent_at) select a.id, " + LAST_USE + ", " + toDays
                                    + ", now()"
                                    + "   from account a where a.status = 'ACTIVE' and " + LAST_USE + " > ? and "
                                    + LAST_USE + " <= ? and (" + LAST_USE
                                    + ", a.id) > (?, ?) and not exists (select 1 from"
                                    + "   inactivity_warning w where w.account_id = a.id and w.days_before = " + toDays
                                    + "   and w.last_use_at = " + LAST_USE + ") order by " + LAST_USE + ", a.id limit "
                                    + InactivitySweep.BATCH + " on conflict do nothing"
                                    + "   returning account_id, last_use_at),"
                                    + " audited as (insert into audit_event (occurred_at, request_id, action,"
                                    + "   target_account_id, target_username, organization_id, organization_code, outcome,"
                                    + "   reason) select now(), 'floor', 'INACTIVITY_WARNING', a.id, a.username, o.id,"
                                    + "   o.code, 'DONE', 'expires in " + toDays + " days or less, on '"
                                    + "   || (c.last_use_at + interval '" + period.toDays() + " days')"
                                    + "   from claimed c join account a on a.id = c.account_id"
                                    + "   join organization o on o.id = a.organization_id),"
                                    + " owed as (insert into outbox_message (kind, payload, status, attempts,"
                                    + "   next_attempt_at, deadline_at, created_at, request_id)"
                                    + "   select 'ExpiryWarning', jsonb_build_object('accountId', c.account_id,"
                                    + "   'expiresAt', c.last_use_at + interval '" + period.toDays() + " days'),"
                                    + "   'PENDING', 0, now(), now() + interval '1 day', now(), 'floor' from claimed c)"
                                    + " select count(*), max(last_use_at), max(account_id) filter (where"
                                    + "   last_use_at = (select max(last_use_at) from claimed)) from claimed",
                            after,
                            before,
                            fromUse,
                            fromId));
            if (batch.get(0, Integer.class) < InactivitySweep.BATCH) {
                return;
            }
            lastUse = batch.get(1, Timestamp.class);
            lastId = batch.get(2, Long.class);
        }
    }
}
