/** The official PVE API schema (apidata) and a request validator that answers like PVE. */
package io.jenkins.plugins.nestedpve.schema;
