package mn.miic.helpdesk.slack;

import com.slack.api.model.view.ViewState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mn.miic.helpdesk.accounts.domain.AccountFields;
import mn.miic.helpdesk.accounts.domain.AccountForm;
import mn.miic.helpdesk.slack.views.AccountModals;

/** Reads what was typed into a submitted modal, by the block ids {@link AccountModals} gave its inputs. */
final class ModalInput {

    private final Map<String, Map<String, ViewState.Value>> values;

    ModalInput(ViewState state) {
        this.values = state == null || state.getValues() == null ? Map.of() : state.getValues();
    }

    String text(String blockId) {
        ViewState.Value v = value(blockId);
        if (v == null) {
            return null;
        }
        if (v.getSelectedOption() != null) {
            return v.getSelectedOption().getValue();
        }
        if (v.getSelectedDate() != null) {
            return v.getSelectedDate();
        }
        return v.getValue();
    }

    AccountForm form() {
        String extra = text(AccountFields.ADDITIONAL_ORGANIZATIONS);
        List<String> codes = extra == null || extra.isBlank()
                ? List.of()
                : Arrays.stream(extra.split("[,;\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        return new AccountForm(
                text(AccountFields.FIRST_NAME),
                text(AccountFields.LAST_NAME),
                text(AccountFields.MIDDLE_INITIAL),
                text(AccountFields.USERNAME),
                text(AccountFields.ROLE),
                text(AccountFields.AREA_CODE),
                text(AccountFields.PHONE),
                text(AccountFields.EXTENSION),
                text(AccountFields.EMAIL),
                text(AccountFields.USER_DUA_DATE),
                codes);
    }

    boolean has(String blockId) {
        return values.containsKey(blockId);
    }

    private ViewState.Value value(String blockId) {
        Map<String, ViewState.Value> block = values.get(blockId);
        return block == null ? null : block.get(AccountModals.VALUE);
    }
}
