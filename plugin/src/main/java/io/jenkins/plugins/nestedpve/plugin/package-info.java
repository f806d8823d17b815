/** Jenkins adapter: Pipeline steps, global configuration, credentials and safety nets over the core. */
package io.jenkins.plugins.nestedpve.plugin;
