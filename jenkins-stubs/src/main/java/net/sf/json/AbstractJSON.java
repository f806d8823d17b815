// Compile-only stub. Signatures read from jenkinsci/json-lib:src/main/java/net/sf/json/AbstractJSON.java at
// json-lib-2.4-jenkins-15 (the json-lib of 2.541.x);
// members the plugin never uses are omitted.
package net.sf.json;

abstract class AbstractJSON implements JSON {
    private static final long serialVersionUID = 1L;

    AbstractJSON() {}
}
