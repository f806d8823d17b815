/** nested-pve core: the engine behind the CLI and the Jenkins plugin. */
package io.jenkins.plugins.nestedpve;
