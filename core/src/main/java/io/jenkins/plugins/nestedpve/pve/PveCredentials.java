package io.jenkins.plugins.nestedpve.pve;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the client authenticates: an API token, or a user name and password exchanged for a ticket.
 * Only a {@code root@pam} ticket can create or join clusters (pve-facts §1.5), so guest nodes use
 * {@link #rootTicket(String)}; the physical host normally uses a token. {@code toString} never shows
 * a secret.
 */
public sealed interface PveCredentials permits PveCredentials.ApiToken, PveCredentials.PasswordTicket {
    /** {@code user@realm}: a user part without whitespace, '@' or ':', then a realm. */
    Pattern USERID = Pattern.compile("[^\\s@:!=]{1,60}@[A-Za-z][A-Za-z0-9.\\-_]{0,31}");

    /** The authenticated user as PVE records it, e.g. {@code root@pam} or {@code ci@pve!jenkins}. */
    String principal();

    /** Whether this is an API token (no CSRF token, never counts as root@pam). */
    default boolean isToken() {
        return this instanceof ApiToken;
    }

    /** Parses {@code user@realm!tokenid=secret}; see {@link ApiToken#parse(String)}. */
    static ApiToken apiToken(String tokenSpec) {
        return ApiToken.parse(tokenSpec);
    }

    /** A ticket login as {@code root@pam} with the given password. */
    static PasswordTicket rootTicket(String password) {
        return new PasswordTicket("root@pam", password);
    }

    /**
     * An API token (pve-facts §1.5), sent as {@code Authorization: PVEAPIToken=USER@REALM!ID=SECRET}.
     *
     * @param userid {@code user@realm}
     * @param tokenId token name, {@code [A-Za-z][A-Za-z0-9.\-_]+}
     * @param secret the UUID shown once when the token was created
     */
    record ApiToken(String userid, String tokenId, String secret) implements PveCredentials {
        private static final Pattern TOKEN_ID = Pattern.compile("[A-Za-z][A-Za-z0-9.\\-_]+");
        private static final Pattern UUID =
                Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
        private static final Pattern SPEC = Pattern.compile("(?:PVEAPIToken[= ])?([^!]+)!([^=]+)=(.*)", Pattern.DOTALL);
        private static final String FORMAT = "expected user@realm!tokenid=secret, e.g."
                + " ci@pve!jenkins=aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee (the secret is the UUID shown once when"
                + " the token was created with `pveum user token add`)";

        public ApiToken {
            if (userid == null || !USERID.matcher(userid).matches()) {
                throw new IllegalArgumentException(
                        "API token user '" + userid + "' is not of the form user@realm (e.g. ci@pve); " + FORMAT);
            }
            if (tokenId == null || !TOKEN_ID.matcher(tokenId).matches()) {
                throw new IllegalArgumentException("API token id '" + tokenId
                        + "' must start with a letter and contain only letters, digits, '.', '-' or '_'; " + FORMAT);
            }
            if (secret == null || !UUID.matcher(secret).matches()) {
                throw new IllegalArgumentException("API token secret for " + userid + "!" + tokenId
                        + " is not a UUID (value not shown); " + FORMAT);
            }
        }

        /**
         * Parses {@code user@realm!tokenid=secret} (an optional {@code PVEAPIToken=} prefix is
         * accepted). The part before the last {@code =} is the token id, as PVE splits it.
         *
         * @throws IllegalArgumentException naming the part that is wrong, never echoing the secret
         */
        public static ApiToken parse(String spec) {
            Matcher m = SPEC.matcher(spec == null ? "" : spec.strip());
            if (!m.matches()) {
                throw new IllegalArgumentException("API token is not of the form user@realm!tokenid=secret; " + FORMAT);
            }
            return new ApiToken(m.group(1), m.group(2), m.group(3));
        }

        /** A token from its full id {@code user@realm!tokenid} and its secret, as stored separately. */
        public static ApiToken of(String fullTokenId, String secret) {
            int bang = fullTokenId == null ? -1 : fullTokenId.indexOf('!');
            if (bang < 0) {
                throw new IllegalArgumentException(
                        "API token id '" + fullTokenId + "' is not of the form user@realm!tokenid; " + FORMAT);
            }
            return new ApiToken(fullTokenId.substring(0, bang), fullTokenId.substring(bang + 1), secret);
        }

        /** {@code user@realm!tokenid}. */
        public String fullTokenId() {
            return userid + "!" + tokenId;
        }

        @Override
        public String principal() {
            return fullTokenId();
        }

        /** The value of the Authorization header. Never log it. */
        String authorizationHeader() {
            return "PVEAPIToken=" + fullTokenId() + "=" + secret;
        }

        @Override
        public String toString() {
            return "ApiToken[" + fullTokenId() + ", secret=****]";
        }
    }

    /**
     * A user name and password exchanged for a ticket with {@code POST /access/ticket}; the ticket
     * is renewed by logging in again before its 2 h lifetime ends (pve-facts §1.4).
     *
     * @param username {@code user@realm}, e.g. {@code root@pam}
     * @param password the user's password
     */
    record PasswordTicket(String username, String password) implements PveCredentials {
        public PasswordTicket {
            if (username == null || !USERID.matcher(username).matches()) {
                throw new IllegalArgumentException(
                        "user name '" + username + "' is not of the form user@realm, e.g. root@pam");
            }
            Objects.requireNonNull(password, "password");
            if (password.isEmpty()) {
                throw new IllegalArgumentException("the password for " + username + " is empty");
            }
        }

        @Override
        public String principal() {
            return username;
        }

        /** Whether this is the literal {@code root@pam}, the only user allowed to form clusters. */
        public boolean isRootPam() {
            return "root@pam".equals(username);
        }

        @Override
        public String toString() {
            return "PasswordTicket[" + username + ", password=****]";
        }
    }
}
