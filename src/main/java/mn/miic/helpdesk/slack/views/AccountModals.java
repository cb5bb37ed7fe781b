package mn.miic.helpdesk.slack.views;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import java.util.ArrayList;
import java.util.List;
import mn.miic.helpdesk.accounts.domain.Account;
import mn.miic.helpdesk.accounts.domain.AccountForm;
import mn.miic.helpdesk.accounts.domain.InactivationReason;
import mn.miic.helpdesk.accounts.domain.RoleAssignment;
import mn.miic.helpdesk.accounts.usecases.FormOptions;
import mn.miic.helpdesk.accounts.usecases.ViewAccount.AccountCard;
import mn.miic.helpdesk.slack.Ids;

/**
 * The modals of SPEC 4.3: Add User and Edit User with the guide's fields (required ones marked by Slack, as inputs
 * that are not optional), and the reason asked when inactivating. Each input's block id is the field's name in
 * {@link AccountFields}, so that a field's error lands next to it; every input's action id is {@link #VALUE}.
 */
public final class AccountModals {

    public static final String VALUE = "value";
    public static final String INACTIVATION_NOTE = "inactivation_note";
    public static final String ACTIVE = "active";
    public static final String INACTIVE = "inactive";
    public static final String LOCKED = "locked";
    public static final String UNLOCKED = "unlocked";

    private AccountModals() {}

    public static View add(FormOptions.AddForm form, String metadata) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(c -> c.elements(List.of(Text.mrkdwn("Adds a user to *" + Text.org(form.organization())
                + "*. To add elsewhere, switch first with `/miic org`. The temporary password goes to you by DM"
                + " to hand over; the user changes it at the first sign-in.")))));
        blocks.addAll(fields(null, form.roles(), null));
        return modal(Ids.Callbacks.ADD_USER, "Add user", "Add user", blocks, metadata);
    }

    public static View edit(FormOptions.EditForm form, String metadata) {
        Account a = form.account();
        AccountForm values = AccountForm.of(a, form.additionalOrganizationCodes());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(context(c ->
                c.elements(List.of(Text.mrkdwn(Text.boldName(a) + " at *" + Text.org(form.organization()) + "*")))));
        blocks.addAll(fields(values, form.roles(), a.role()));
        blocks.add(divider());
        blocks.add(input(
                i -> i.blockId(Ids.Blocks.STATUS).label(plainText("Status")).element(radioButtons(r -> r.actionId(VALUE)
                        .options(List.of(option(plainText("Active"), ACTIVE), option(plainText("Inactive"), INACTIVE)))
                        .initialOption(
                                a.isActive()
                                        ? option(plainText("Active"), ACTIVE)
                                        : option(plainText("Inactive"), INACTIVE))))));
        blocks.add(input(i -> i.blockId(Ids.Blocks.INACTIVATION_REASON)
                .optional(true)
                .label(plainText("Reason, if you make it inactive"))
                .element(staticSelect(s -> s.actionId(VALUE).options(reasons())))));
        blocks.add(noteInput());
        blocks.add(input(i -> i.blockId(Ids.Blocks.LOCKED)
                .label(plainText("Account locked"))
                .element(radioButtons(r -> r.actionId(VALUE)
                        .options(List.of(option(plainText("Unlocked"), UNLOCKED), option(plainText("Locked"), LOCKED)))
                        .initialOption(
                                a.locked()
                                        ? option(plainText("Locked"), LOCKED)
                                        : option(plainText("Unlocked"), UNLOCKED))))));
        if (form.helpDesk()) {
            blocks.add(overrideInput());
        }
        return modal(Ids.Callbacks.EDIT_USER, "Edit user", "Save", blocks, metadata);
    }

    public static View inactivate(AccountCard card, boolean helpDesk, String metadata) {
        return inactivate(card, helpDesk, metadata, null);
    }

    /** @param chosen the reason already chosen ({@code /miic offboard}: the person left), or null */
    public static View inactivate(AccountCard card, boolean helpDesk, String metadata, InactivationReason chosen) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(Text.mrkdwn("Inactivate " + Text.boldName(card.account()) + " at "
                + Text.org(card.organization()) + "? They can no longer sign in to MIIC until an administrator"
                + " reactivates the account."))));
        blocks.add(input(i -> i.blockId(Ids.Blocks.INACTIVATION_REASON)
                .label(plainText("Why?"))
                .element(radioButtons(r -> r.actionId(VALUE)
                        .options(reasons())
                        .initialOption(chosen == null ? null : reasonOption(chosen))))));
        blocks.add(noteInput());
        if (helpDesk) {
            blocks.add(overrideInput());
        }
        return modal(Ids.Callbacks.INACTIVATE_USER, "Inactivate user", "Inactivate", blocks, metadata);
    }

    /** Reactivating a time-limited account asks for its new last day of access, or none. */
    public static View reactivate(AccountCard card, String metadata) {
        Account a = card.account();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(
                Text.mrkdwn("Reactivate " + Text.boldName(a) + " (" + a.status().label()
                        + ") at " + Text.org(card.organization()) + "? Its last day of time-limited access was set to "
                        + Text.date(a.accessUntil())
                        + ": give it a new one, or none. The 90-day inactivity clock restarts today."))));
        blocks.add(input(i -> i.blockId(Ids.Blocks.ACCESS_UNTIL)
                .optional(true)
                .label(plainText("New last day of access"))
                .hint(plainText("Leave empty for no end. The account is inactivated the day after this date."))
                .element(datePicker(d -> d.actionId(VALUE)))));
        return modal(Ids.Callbacks.REACTIVATE_USER, "Reactivate user", "Reactivate", blocks, metadata);
    }

    /** What a submitted modal turns into when it cannot go on: a sentence, and a Close button. */
    public static View message(String title, String mrkdwn) {
        return view(v -> v.type("modal")
                .title(viewTitle(t -> t.type("plain_text").text(title)))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(AccountMessages.say(mrkdwn)));
    }

    private static List<LayoutBlock> fields(AccountForm values, List<RoleAssignment> roles, RoleAssignment current) {
        AccountForm v = values == null
                ? new AccountForm(null, null, null, null, null, null, null, null, null, null, List.of())
                : values;
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(text(Ids.Blocks.FIRST_NAME, "First name", v.firstName(), false, 50, null));
        blocks.add(text(Ids.Blocks.LAST_NAME, "Last name", v.lastName(), false, 50, null));
        blocks.add(text(Ids.Blocks.MIDDLE_INITIAL, "Middle initial", v.middleInitial(), true, 1, null));
        blocks.add(text(
                Ids.Blocks.USERNAME,
                "Username",
                v.username(),
                false,
                30,
                "3 to 30 letters, digits, . _ or -. The guide's pattern is last name + first initial + a number"
                        + " (mousem1); no shared or generic names, no \"admin\"."));
        List<OptionObject> roleOptions =
                roles.stream().map(r -> option(plainText(r.label()), r.label())).toList();
        blocks.add(
                input(i -> i.blockId(Ids.Blocks.ROLE).label(plainText("Role")).element(staticSelect(s -> {
                    s.actionId(VALUE).options(roleOptions);
                    if (current != null) {
                        s.initialOption(option(plainText(current.label()), current.label()));
                    }
                    return s;
                }))));
        blocks.add(text(Ids.Blocks.AREA_CODE, "Area code", v.areaCode(), true, 3, null));
        blocks.add(text(Ids.Blocks.PHONE, "Phone number", v.phone(), true, 8, "Like 555-5555"));
        blocks.add(text(Ids.Blocks.EXTENSION, "Extension", v.extension(), true, 6, null));
        blocks.add(text(
                Ids.Blocks.EMAIL,
                "Email",
                v.email(),
                true,
                254,
                "One person, one account: also how their Slack is linked to MIIC."));
        blocks.add(input(i -> i.blockId(Ids.Blocks.USER_DUA_DATE)
                .optional(true)
                .label(plainText("User DUA date"))
                .element(datePicker(d -> {
                    d.actionId(VALUE);
                    if (v.userDuaDate() != null) {
                        d.initialDate(v.userDuaDate());
                    }
                    return d;
                }))));
        blocks.add(input(i -> i.blockId(Ids.Blocks.ACCESS_UNTIL)
                .optional(true)
                .label(plainText("Access until"))
                .hint(plainText("For time-limited access (a student, a temporary worker): the last day this person may"
                        + " use MIIC. They and you are warned 7 days and 1 day before; the day after, the account is"
                        + " inactivated. Leave empty for no end."))
                .element(datePicker(d -> {
                    d.actionId(VALUE);
                    if (v.accessUntil() != null) {
                        d.initialDate(v.accessUntil());
                    }
                    return d;
                }))));
        blocks.add(text(
                Ids.Blocks.ADDITIONAL_ORGANIZATIONS,
                "Also works at",
                String.join(", ", v.additionalOrganizationCodes()),
                true,
                500,
                "Codes of other organizations this person floats to, separated by commas (NSROC, NSDUL)."));
        return blocks;
    }

    private static LayoutBlock text(
            String blockId, String label, String initial, boolean optional, int maxLength, String hint) {
        return input(i -> {
            i.blockId(blockId).optional(optional).label(plainText(label)).element(plainTextInput(p -> {
                p.actionId(VALUE).maxLength(maxLength);
                if (initial != null && !initial.isEmpty()) {
                    p.initialValue(initial);
                }
                return p;
            }));
            if (hint != null) {
                i.hint(plainText(hint));
            }
            return i;
        });
    }

    private static LayoutBlock noteInput() {
        return input(i -> i.blockId(INACTIVATION_NOTE)
                .optional(true)
                .label(plainText("Note (required for Other)"))
                .element(plainTextInput(p -> p.actionId(VALUE).maxLength(250))));
    }

    private static LayoutBlock overrideInput() {
        return input(i -> i.blockId(Ids.Blocks.OVERRIDE_REASON)
                .optional(true)
                .label(plainText("Help desk: reason to override a safety rule"))
                .hint(plainText("Only when this would leave a location without an active administrator."))
                .element(plainTextInput(p -> p.actionId(VALUE).maxLength(500))));
    }

    private static List<OptionObject> reasons() {
        List<OptionObject> options = new ArrayList<>();
        for (InactivationReason reason : InactivationReason.values()) {
            options.add(reasonOption(reason));
        }
        return options;
    }

    /** A leaver is offboarded: the option says what more it does. */
    private static OptionObject reasonOption(InactivationReason reason) {
        OptionObject option = option(plainText(reason.label()), reason.name());
        if (reason == InactivationReason.NO_LONGER_WORKS_HERE) {
            option.setDescription(plainText("Offboards them: also removes their other organizations and their Slack"
                    + " link, and tells the administrators there"));
        }
        return option;
    }

    private static View modal(String callbackId, String title, String submit, List<LayoutBlock> blocks, String meta) {
        return view(v -> v.type("modal")
                .callbackId(callbackId)
                .title(viewTitle(t -> t.type("plain_text").text(title)))
                .submit(viewSubmit(s -> s.type("plain_text").text(submit)))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .privateMetadata(meta)
                .blocks(blocks));
    }
}
