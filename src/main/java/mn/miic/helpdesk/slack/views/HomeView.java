package mn.miic.helpdesk.slack.views;

import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.usecases.ViewAccount.AccountCard;

/** The App Home tab: the viewer's own account at a glance, and where to go next. */
public final class HomeView {

    private HomeView() {}

    public static View linked(AccountCard own) {
        Account a = own.account();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Your MIIC account"))));
        blocks.add(section(s ->
                s.text(markdownText(Text.boldName(a) + "\n*Role:* " + a.role().label() + "\n*Organization:* "
                        + Text.org(own.organization()) + "\n*Status:* " + Text.state(a)))));
        blocks.add(section(s -> s.text(markdownText(
                a.isInGoodStanding()
                        ? "Type `/miic help` in any channel to see what you can do."
                        : ":warning: Your account is " + Text.state(a)
                                + ". Ask your site's MIIC administrator, or the MIIC help desk, to fix it."))));
        blocks.add(HelpMessages.helpDeskContact());
        return view(v -> v.type("home").blocks(blocks));
    }

    public static View notLinked(String message) {
        return view(v -> v.type("home").blocks(HelpMessages.notLinked(message)));
    }
}
