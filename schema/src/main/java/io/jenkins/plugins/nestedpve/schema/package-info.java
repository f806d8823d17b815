/**
 * The official PVE API schema (pve-docs apidata) and a request validator that answers like PVE.
 *
 * <pre>{@code
 * ApiSchema schema = ApiSchema.loadOrNotice("9.1").orElse(null);      // parsed once per JVM
 * Optional<Route> route = schema.route("POST", "/nodes/pve1/qemu/100/clone");
 * if (route.isEmpty()) { ... 501 "Method 'POST /...' not implemented" }
 * Map<String, String> errors = schema.validate(route.get(), params, jsonBody);
 * if (!errors.isEmpty()) { ... 400 "Parameter verification failed.", errors }
 * }</pre>
 *
 * <p>The checks follow pve-common's src/PVE/JSONSchema.pm (check_prop, check_type, check_format,
 * parse_property_string) and src/PVE/RESTHandler.pm (path matching, legacy normalization), with
 * the differences between the pve-common of PVE 8.4 and of PVE 9.1. Error texts are PVE's,
 * trailing newlines included.
 */
package io.jenkins.plugins.nestedpve.schema;
