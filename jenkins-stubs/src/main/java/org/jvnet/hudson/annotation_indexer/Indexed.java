// Compile-only stub. Signatures: jenkins-api-signatures.txt.
// The validators() element read from
// jenkinsci/lib-annotation-indexer:src/main/java/org/jvnet/hudson/annotation_indexer/Indexed.java
// at annotation-indexer-1.18 is omitted. annotation-indexer is not on Maven Central, so no index processor runs in
// the stub build.
package org.jvnet.hudson.annotation_indexer;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface Indexed {}
