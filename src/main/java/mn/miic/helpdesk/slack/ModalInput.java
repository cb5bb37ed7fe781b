package mn.miic.helpdesk.slack;

import com.slack.api.model.view.ViewState;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import mn.miic.helpdesk.accounts.domain.AccountForm;
import mn.miic.helpdesk.slack.views.AccountModals;

/** Reads what was typed into a submitted modal, by the block ids {@link AccountModals} gave its inputs. */
public final class ModalInput {

    private final Map<String, Map<String, ViewState.Value>> values;

    public ModalInput(ViewState state) {
        this.values = state == null || state.getValues() == null ? Map.of() : state.getValues();
    }

    public String text(String blockId) {
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

    public AccountForm form() {
        String extra = text(Ids.Blocks.ADDITIONAL_ORGANIZATIONS);
        List<String> codes = extra == null || extra.isBlank()
                ? List.of()
                : Arrays.stream(extra.split("[,;\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
        return new AccountForm(
                text(Ids.Blocks.FIRST_NAME),
                text(Ids.Blocks.LAST_NAME),
                text(Ids.Blocks.MIDDLE_INITIAL),
                text(Ids.Blocks.USERNAME),
                text(Ids.Blocks.ROLE),
                text(Ids.Blocks.AREA_CODE),
                text(Ids.Blocks.PHONE),
                text(Ids.Blocks.EXTENSION),
                text(Ids.Blocks.EMAIL),
                text(Ids.Blocks.USER_DUA_DATE),
                codes,
                text(Ids.Blocks.ACCESS_UNTIL));
    }

    public boolean has(String blockId) {
        return values.containsKey(blockId);
    }

    private ViewState.Value value(String blockId) {
        Map<String, ViewState.Value> block = values.get(blockId);
        return block == null ? null : block.get(Ids.Actions.INPUT);
    }
}
