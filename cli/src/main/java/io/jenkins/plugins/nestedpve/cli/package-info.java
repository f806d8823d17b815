/** The nestedpve command. */
package io.jenkins.plugins.nestedpve.cli;
