package mn.miic.helpdesk.slack;

import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Slack's Request URL on Javalin: Bolt has adapters for servlets and other servers but not this one. The body is
 * handed over raw, as the signature was computed over those exact bytes.
 */
public final class JavalinSlackAdapter {

    private final SlackBot bot;
    private final SlackRequestParser parser;

    public JavalinSlackAdapter(SlackBot bot) {
        this.bot = bot;
        this.parser = new SlackRequestParser(bot.app().config());
    }

    public void handle(Context ctx) throws Exception {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, new ArrayList<>(Collections.list(ctx.req().getHeaders(name))));
        }
        Map<String, List<String>> query = ctx.queryParamMap();
        var request = parser.parse(SlackRequestParser.HttpRequest.builder()
                .requestUri(ctx.path())
                .queryString(query)
                .headers(new RequestHeaders(headers))
                .requestBody(new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8))
                .remoteAddress(ctx.ip())
                .build());
        Response response = bot.run(request);
        ctx.status(response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders()
                    .forEach((name, values) -> values.forEach(v -> ctx.res().addHeader(name, v)));
        }
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        ctx.result(response.getBody() == null ? "" : response.getBody());
    }
}
