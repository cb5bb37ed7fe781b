package mn.miic.helpdesk.requests;

import static mn.miic.helpdesk.db.jooq.Tables.ACCOUNT;
import static mn.miic.helpdesk.db.jooq.Tables.HELP_REQUEST;
import static mn.miic.helpdesk.db.jooq.Tables.ORGANIZATION;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import mn.miic.helpdesk.organizations.OrganizationKind;
import org.jooq.DSLContext;

/** The requests the figures are made of: one read, joined to the requester's and the decider's organizations. */
public final class RequestFiguresRepository {

    private final DSLContext dsl;

    public RequestFiguresRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every request asked at or after {@code since}, oldest first. */
    public List<RequestFigures.Fact> askedSince(Instant since) {
        var decider = ACCOUNT.as("decider");
        var deciderHome = ORGANIZATION.as("decider_home");
        return dsl.select(
                        ACCOUNT.ORGANIZATION_ID,
                        HELP_REQUEST.ASKED_AT,
                        HELP_REQUEST.ESCALATED_AT,
                        HELP_REQUEST.CLAIMED_AT,
                        HELP_REQUEST.DECIDED_AT,
                        HELP_REQUEST.STATUS,
                        deciderHome.KIND)
                .from(HELP_REQUEST)
                .join(ACCOUNT)
                .on(ACCOUNT.ID.eq(HELP_REQUEST.ACCOUNT_ID))
                .leftJoin(decider)
                .on(decider.ID.eq(HELP_REQUEST.DECIDED_BY))
                .leftJoin(deciderHome)
                .on(deciderHome.ID.eq(decider.ORGANIZATION_ID))
                .where(HELP_REQUEST.ASKED_AT.ge(since.atOffset(ZoneOffset.UTC)))
                .orderBy(HELP_REQUEST.ASKED_AT)
                .fetch(r -> new RequestFigures.Fact(
                        r.value1(),
                        instant(r.value2()),
                        instant(r.value3()),
                        instant(r.value4()),
                        instant(r.value5()),
                        RequestStatus.valueOf(r.value6()),
                        OrganizationKind.STATE.name().equals(r.value7())));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
