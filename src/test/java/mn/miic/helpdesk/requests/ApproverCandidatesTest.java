package mn.miic.helpdesk.requests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.Role;
import mn.miic.helpdesk.organizations.Organization;
import mn.miic.helpdesk.organizations.OrganizationKind;
import mn.miic.helpdesk.support.TestApp;
import org.junit.jupiter.api.Test;

/** The sweep's many-at-once lookup of who manages each location finds exactly who the one-at-a-time lookup finds. */
class ApproverCandidatesTest {

    private final TestApp app = new TestApp();

    @Test
    void manyOrganizationsAtOnceFindWhatEachFindsAlone() {
        Organization system = app.fixtures.org("APC0", OrganizationKind.HEALTH_SYSTEM);
        Organization region = app.fixtures.org("APC1", OrganizationKind.HEALTH_SYSTEM, system);
        Organization clinic = app.fixtures.org("APC2", OrganizationKind.CLINIC, region);
        Organization alone = app.fixtures.org("APC3", OrganizationKind.CLINIC);
        Account admin = app.fixtures.account(clinic).role(Role.ADMINISTRATOR).create();
        Account readOnlyAdmin =
                app.fixtures.account(clinic).role(Role.READ_ONLY_ADMINISTRATOR).create();
        app.fixtures.account(clinic).role(Role.ADMINISTRATOR).locked().create();
        app.fixtures.account(clinic).role(Role.TYPICAL_USER).create();
        Account regional =
                app.fixtures.account(region).role(Role.HEALTH_SYSTEM_USER).create();
        Account top = app.fixtures.account(system).role(Role.HEALTH_SYSTEM_USER).create();
        Account floating = app.fixtures
                .account(alone)
                .role(Role.ADMINISTRATOR)
                .alsoIn(clinic)
                .create();
        RequestRepository requests = new RequestRepository(app.dsl);

        var together = requests.approverCandidatesOf(List.of(clinic, alone, region, system));

        for (Organization each : List.of(clinic, alone, region, system)) {
            assertThat(together.get(each.id()))
                    .as(each.code())
                    .containsExactlyInAnyOrderElementsOf(requests.approverCandidates(-1, each));
        }
        assertThat(together.get(clinic.id()))
                .containsExactlyInAnyOrder(admin.id(), readOnlyAdmin.id(), floating.id(), regional.id(), top.id());
        assertThat(together.get(system.id())).containsExactly(top.id());
    }
}
