// Compile-only stub. Signatures: jenkins-api-signatures.txt.
package jenkins;

public enum YesNoMaybe {
    YES,
    NO,
    MAYBE
}
