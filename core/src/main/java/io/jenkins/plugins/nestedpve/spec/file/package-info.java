/**
 * Reading a spec file's content: {@link io.jenkins.plugins.nestedpve.spec.file.SpecFileReader} turns the parsed
 * YAML into a checked spec plus the credentials its {@code *Env}/{@code *File} keys point to, reporting every
 * problem of the file at once by its path in the file. The CLI reads the file and parses the YAML.
 */
package io.jenkins.plugins.nestedpve.spec.file;
