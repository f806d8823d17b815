// Compile-only stub. Signatures read from jenkinsci/json-lib:src/main/java/net/sf/json/JSONObject.java
// at json-lib-2.4-jenkins-15 (the json-lib of 2.541.x). A minimal stub: json-lib is not on Maven Central in
// the version Jenkins uses, and the plugin only passes JSONObject through; the type header is exact, and the
// Map and Comparable methods exist only because the type implements those interfaces. Like the real class they use
// raw types where Map is generic (putAll(Map), values(), entrySet()); jenkins-stubs/src/test/resources/signatures/
// json-lib.txt holds the real signatures the stub is checked against.
package net.sf.json;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

@SuppressWarnings({"rawtypes", "unchecked"})
public final class JSONObject extends AbstractJSON implements JSON, Map<String, Object>, Comparable {
    private static final long serialVersionUID = 1L;

    public JSONObject() {}

    @Override
    public int size() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public boolean isEmpty() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public boolean containsKey(Object key) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public boolean containsValue(Object value) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public Object get(Object key) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public Object put(String key, Object value) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public Object remove(Object key) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public void putAll(Map map) {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public void clear() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public Set<String> keySet() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public Collection values() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public Set entrySet() {
        throw new UnsupportedOperationException("compile-only stub");
    }

    @Override
    public int compareTo(Object obj) {
        throw new UnsupportedOperationException("compile-only stub");
    }
}
