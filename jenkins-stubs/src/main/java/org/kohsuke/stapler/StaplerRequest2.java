// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package org.kohsuke.stapler;

import jakarta.servlet.http.HttpServletRequest;
import net.sf.json.JSONObject;

public interface StaplerRequest2 extends HttpServletRequest {
    void bindJSON(Object bean, JSONObject src);

    <T> T bindJSON(Class<T> type, JSONObject src);
}
