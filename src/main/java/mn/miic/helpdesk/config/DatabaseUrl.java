package mn.miic.helpdesk.config;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/** A PostgreSQL server given as {@code jdbc:postgresql://host:5432/db} or {@code postgres://user:pw@host:5432/db}. */
public record DatabaseUrl(String jdbcUrl, String user, String password) {

    public static DatabaseUrl parse(String url, String user, String password) {
        if (url.startsWith("jdbc:postgresql://")) {
            return new DatabaseUrl(url, user, password);
        }
        if (url.startsWith("postgres://") || url.startsWith("postgresql://")) {
            URI uri;
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("is not a valid URL");
            }
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
                throw new IllegalArgumentException(
                        "needs a host and a database name, e.g." + " postgres://user:password@localhost:5432/miic");
            }
            String u = user;
            String p = password;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                u = decode(parts[0]);
                p = parts.length > 1 ? decode(parts[1]) : p;
            }
            int port = uri.getPort() == -1 ? 5432 : uri.getPort();
            String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
            return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + ":" + port + uri.getPath() + query, u, p);
        }
        throw new IllegalArgumentException("must start with jdbc:postgresql:// or postgres://");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    /** The URL to show in a log line: no query string, since {@code ?user=...&password=...} may be in it. */
    public String forLog() {
        int query = jdbcUrl.indexOf('?');
        return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
    }

    @Override
    public String toString() {
        return "DatabaseUrl[" + forLog() + ", user=" + user + "]";
    }
}
