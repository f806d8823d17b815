// Compile-only stub. Signatures read from jenkinsci/stapler:core/src/main/java/org/kohsuke/stapler/HttpResponse.java at
// 2050.v425108fd5089 (the stapler of 2.541.x);
// members the plugin never uses are omitted.
package org.kohsuke.stapler;

public interface HttpResponse {}
