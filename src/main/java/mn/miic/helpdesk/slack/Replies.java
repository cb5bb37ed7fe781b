package mn.miic.helpdesk.slack;

import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.model.block.LayoutBlock;
import java.util.List;

/** Answers through a response URL: always ephemeral (SPEC 4.2), either new or in place of the message clicked. */
public final class Replies {

    private Replies() {}

    public static ActionResponse ephemeral(List<LayoutBlock> blocks, String fallbackText) {
        return ActionResponse.builder()
                .responseType("ephemeral")
                .replaceOriginal(false)
                .text(fallbackText)
                .blocks(blocks)
                .build();
    }

    public static ActionResponse replacing(List<LayoutBlock> blocks, String fallbackText) {
        return ActionResponse.builder()
                .responseType("ephemeral")
                .replaceOriginal(true)
                .text(fallbackText)
                .blocks(blocks)
                .build();
    }
}
