// Compile-only stub. Signatures read from jenkinsci/json-lib:src/main/java/net/sf/json/JSON.java at
// json-lib-2.4-jenkins-15 (the json-lib of 2.541.x);
// members the plugin never uses are omitted.
package net.sf.json;

import java.io.Serializable;

public interface JSON extends Serializable {}
