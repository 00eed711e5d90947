/// The wire shapes of Five9's admin web service (five9.md §3), named as the WSDL names them.
///
/// Only the SOAP client and the `+Mapping` files know them; the rest of roster sees `User`, `Group` and `Skill`.
package enum Five9Wire {}
